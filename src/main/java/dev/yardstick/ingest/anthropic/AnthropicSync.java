package dev.yardstick.ingest.anthropic;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.model.Rejections;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.AnthropicStore.Integration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each organization's Admin API usage current: backfills one UTC day per call from the chosen
 * date, persisting the position after every day, then re-polls the last three days about hourly
 * (the API lags up to an hour and a day's figures grow). A day is always replaced whole.
 */
public final class AnthropicSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnthropicSync.class);
  static final Duration REPOLL_EVERY = Duration.ofHours(1);
  static final int REPOLL_DAYS = 3;
  // short and renewed at every page: a server killed mid-sync blocks the next one for at most this long
  static final Duration LEASE = Duration.ofMinutes(2);
  public static final int DEFAULT_BACKFILL_DAYS = 90;
  /** Claude Code's first release (a research preview): no usage exists before, so no backfill starts earlier. */
  public static final LocalDate EARLIEST = LocalDate.of(2025, 2, 24);

  private final AnthropicStore store;
  private final SecretBox box;
  private final AdminApiClient client;
  private final Clock clock;
  private final int pageLimit;
  private final ServerMetrics metrics;
  private final Map<Long, SyncProgress> latest = new ConcurrentHashMap<>();
  private final java.util.Set<Thread> workers = ConcurrentHashMap.newKeySet();

  public AnthropicSync(AnthropicStore store, SecretBox box, AdminApiClient client, Clock clock, int pageLimit,
      ServerMetrics metrics) {
    this.store = store;
    this.box = box;
    this.client = client;
    this.clock = clock;
    this.pageLimit = pageLimit;
    this.metrics = metrics;
  }

  static String purpose(long orgId) {
    return "anthropic-admin-key:org:" + orgId;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Saves (or replaces) the key once it has the form of an Admin API key and Anthropic accepted it in
   * one call; throws IllegalArgumentException saying in words why not (nothing is saved then).
   */
  public void configure(long orgId, String key, LocalDate backfillFrom) throws InterruptedException {
    String k = key == null ? "" : key.trim();
    String form = KeyCheck.formProblem(k);
    if (form != null) {
      throw new IllegalArgumentException(form);
    }
    checkFirstDay("backfillFrom", backfillFrom);
    if (backfillFrom.isAfter(today())) {
      throw new IllegalArgumentException("backfillFrom (" + backfillFrom + ") is in the future");
    }
    String untested = KeyCheck.tryKey(client, k, today().minusDays(1));
    store.save(orgId, box.seal(k, purpose(orgId)), k.substring(k.length() - 4), backfillFrom, clock.instant());
    if (untested != null) {
      store.failed(orgId, untested, clock.instant());
    }
  }

  // a day before Claude Code existed holds no usage: fetching from 1900 would be 46,000 empty calls
  private static void checkFirstDay(String field, LocalDate day) {
    if (day.isBefore(EARLIEST)) {
      throw new IllegalArgumentException(field + " (" + day + ") is before Claude Code existed: choose a date from "
          + EARLIEST + " on");
    }
  }

  /** Forgets the key (the usage fetched so far stays in reports). */
  public boolean remove(long orgId) {
    latest.remove(orgId);
    return store.delete(orgId);
  }

  public Optional<Integration> integration(long orgId) {
    return store.find(orgId);
  }

  /** The newest sync of the organization in this process, if any. */
  public Optional<SyncProgress.Snapshot> progress(long orgId) {
    return Optional.ofNullable(latest.get(orgId)).map(SyncProgress::snapshot);
  }

  /** Calls the API once with the stored key and says what happened in plain words. */
  public ConnectionTest test(long orgId) throws InterruptedException {
    Optional<Integration> i = store.find(orgId);
    if (i.isEmpty()) {
      return new ConnectionTest(false, "NOT_CONFIGURED", "No Admin API key is saved yet.");
    }
    String key;
    try {
      key = box.open(i.get().keySealed(), purpose(orgId));
    } catch (SecretBox.WrongKeyException e) {
      return new ConnectionTest(false, "UNREADABLE_KEY", unreadableKey());
    }
    return ConnectionTest.of(client, key, today().minusDays(1));
  }

  private static String unreadableKey() {
    return "The saved Admin API key cannot be decrypted: YARDSTICK_SECRET_KEY (or the key file) changed. Save the key again.";
  }

  /** Thrown when another sync of the organization runs (here or in another server). */
  public static final class BusyException extends RuntimeException {
    BusyException() {
      super("a sync of this organization is already running");
    }
  }

  /** Starts a sync of {@code from..to} in the background; its progress is in {@link #progress}. */
  public SyncProgress start(long orgId, LocalDate from, LocalDate to) {
    SyncProgress p = prepare(orgId, from, to);
    Thread t = Thread.ofVirtual().name("anthropic-sync-" + orgId).unstarted(() -> {
      try {
        runLeased(orgId, p, () -> syncDays(orgId, from, to, p));
      } finally {
        workers.remove(Thread.currentThread());
      }
    });
    workers.add(t);
    t.start();
    return p;
  }

  /** Syncs {@code from..to} now (the CLI); throws BusyException when another sync holds the organization. */
  public SyncProgress.Snapshot syncNow(long orgId, LocalDate from, LocalDate to, SyncProgress p) {
    runLeased(orgId, p, () -> syncDays(orgId, from, to, p));
    return p.snapshot();
  }

  public SyncProgress prepare(long orgId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    checkFirstDay("from", from);
    if (to.isAfter(today())) {
      throw new IllegalArgumentException("to (" + to + ") is after today (" + today() + ", UTC)");
    }
    if (store.find(orgId).isEmpty()) {
      throw new IllegalArgumentException("no Admin API key is saved for this organization: PUT /api/v1/integrations/anthropic first");
    }
    if (!store.tryLease(orgId, clock.instant(), clock.instant().plus(LEASE))) {
      throw new BusyException();
    }
    SyncProgress p = new SyncProgress("range", from, to, clock.instant());
    latest.put(orgId, p);
    return p;
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Runs work under the lease prepare() took, records the outcome, and always gives the lease back. */
  private void runLeased(long orgId, SyncProgress p, Work work) {
    String error = null;
    boolean stopped = false;
    try {
      work.run();
    } catch (AdminApiException e) {
      error = e.describe();
    } catch (SecretBox.WrongKeyException e) {
      error = unreadableKey();
    } catch (InterruptedException e) {
      stopped = true;
    } catch (Exception e) {
      stopped = Thread.currentThread().isInterrupted(); // an interrupted database call fails with its own exception
      if (!stopped) {
        log.warn("Admin API sync of organization {} failed", orgId, e);
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    } finally {
      // a stopping server interrupts this thread; the flag would break the last database calls
      stopped |= Thread.interrupted();
      try {
        if (error != null) {
          store.failed(orgId, error, clock.instant());
        }
        store.releaseLease(orgId);
      } catch (RuntimeException e) {
        log.warn("could not record the end of the Admin API sync of organization {}: {}", orgId, e.getMessage());
      }
      p.finish(stopped ? "stopped: the server shut down; the sync resumes from the last stored day" : error, clock.instant());
      if (stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void syncDays(long orgId, LocalDate from, LocalDate to, SyncProgress p) throws Exception {
    Integration i = store.find(orgId).orElseThrow(() -> new IllegalStateException("the integration was removed"));
    String key = box.open(i.keySealed(), purpose(orgId));
    boolean extendsBackfill = !from.isAfter(i.nextDay());
    Rejections refused = new Rejections();
    try (DayFetcher fetcher = new DayFetcher(client, key, pageLimit, from, to, p::page)) {
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        p.working(day);
        DayFetcher.Fetched f = fetcher.next();
        refused.addAll(f.refused());
        p.refused(f.refused().count());
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException(); // stopping: the day is fetched again at the next start
        }
        // the whole day in one transaction, so a re-poll replaces and never adds
        store.replaceDay(orgId, f.day(), f.rows());
        store.extendLease(orgId, clock.instant().plus(LEASE));
        if (extendsBackfill) {
          store.advance(orgId, day.plusDays(1), clock.instant());
        }
        p.dayDone();
      }
    }
    store.synced(orgId, clock.instant(), !to.isBefore(today().minusDays(REPOLL_DAYS - 1)) && extendsBackfill);
    if (refused.count() > 0) {
      refused.byReason().forEach(metrics::adminRowsRejected);
      String said = "Anthropic's answer held " + refused.count() + (refused.count() == 1 ? " row" : " rows")
          + " outside the plausibility limits; " + (refused.count() == 1 ? "it was" : "they were") + " not stored: "
          + refused.message();
      log.warn("Admin API sync of organization {}: {}", orgId, said);
      store.failed(orgId, said, clock.instant());
    }
  }

  /** The scheduler's call: for every organization, the backlog of the backfill, then the re-poll when due. */
  public void tick() {
    for (long orgId : store.integratedOrgs()) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      tick(orgId);
    }
  }

  /** Returns false when another sync held the organization. */
  public boolean tick(long orgId) {
    Optional<Integration> found = store.find(orgId);
    if (found.isEmpty()) {
      return true;
    }
    Integration i = found.get();
    LocalDate today = today();
    Instant now = clock.instant();
    boolean backlog = !i.nextDay().isAfter(today);
    boolean repollDue = i.lastRepollAt() == null || i.lastRepollAt().plus(REPOLL_EVERY).isBefore(now);
    if (!backlog && !repollDue) {
      return true;
    }
    LocalDate from = backlog ? i.nextDay() : max(i.backfillFrom(), today.minusDays(REPOLL_DAYS - 1));
    if (backlog && repollDue) {
      from = min(from, max(i.backfillFrom(), today.minusDays(REPOLL_DAYS - 1)));
    }
    if (!store.tryLease(orgId, now, now.plus(LEASE))) {
      return false;
    }
    SyncProgress p = new SyncProgress(backlog ? "backfill" : "re-poll", from, today, now);
    latest.put(orgId, p);
    LocalDate start = from;
    runLeased(orgId, p, () -> syncDays(orgId, start, today, p));
    return true;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** Stops background syncs at their next wait or day, and lets them give their lease back. */
  @Override
  public void close() throws InterruptedException {
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      t.join(10_000);
    }
  }
}
