package dev.yardstick.repos;

import dev.yardstick.storage.RepositoryStore.Repository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows repositories on a schedule, each on a worker of a small pool: a slow or stuck remote holds
 * one worker until its git timeout, never the others. A repository whose import fails is retried
 * after the follow interval, then after twice, four times ... up to sixteen times the interval.
 */
final class GitFollower implements ImportRunner.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitFollower.class);
  static final int WORKERS = 4;
  private static final int MAX_BACKOFF = 16;

  /** When this server last tried a repository, and how many tries in a row failed. */
  private record Attempt(Instant at, int failures) {}

  private final RepositoryService service;
  private final Clock clock;
  private final Duration every;
  private final AtomicInteger workerNo = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS,
      r -> Thread.ofPlatform().name("git-follow-" + workerNo.incrementAndGet()).daemon(true).unstarted(r));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("git-follow-schedule").daemon(true).unstarted(r));
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final Map<Long, Attempt> attempts = new ConcurrentHashMap<>();

  GitFollower(RepositoryService service, Clock clock, Duration every) {
    this.service = service;
    this.clock = clock;
    this.every = every;
  }

  /** Looks for due repositories every {@code check} (cheap: one read of the repository list). */
  void start(Duration check) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        log.warn("git-follow failed: {}", e.getMessage());
      }
    }, check.toMillis(), check.toMillis(), TimeUnit.MILLISECONDS);
  }

  void tick() {
    List<Repository> all = service.all();
    Instant now = clock.instant();
    for (Repository r : all) {
      if (due(r, now) && queued.add(r.id())) {
        pool.execute(() -> follow(r));
      }
    }
  }

  private boolean due(Repository r, Instant now) {
    Attempt a = attempts.get(r.id());
    if (a == null || (r.lastFetchAt() != null && !a.at().isAfter(r.lastFetchAt()))) {
      return r.lastFetchAt() == null || !r.lastFetchAt().plus(every).isAfter(now); // fetched since (here or elsewhere)
    }
    long factor = a.failures() == 0 ? 1 : Math.min(MAX_BACKOFF, 1L << Math.min(a.failures() - 1, 30));
    return !a.at().plus(every.multipliedBy(factor)).isAfter(now);
  }

  private void follow(Repository r) {
    try {
      service.importNow(r, p -> { });
    } catch (RepositoryService.BusyException busy) {
      // another server, or an import asked for by hand, has it
    } catch (RuntimeException e) {
      log.warn("following repository {} failed: {}", r.id(), e.getMessage());
    } finally {
      queued.remove(r.id());
    }
  }

  /** An import of the repository (scheduled or asked for) starts in this server. */
  @Override
  public void began(long id) {
    attempts.compute(id, (k, a) -> new Attempt(clock.instant(), a == null ? 0 : a.failures()));
  }

  /** ... and ended; a failure pushes its next try further out. */
  @Override
  public void ended(long id, boolean failed) {
    attempts.compute(id, (k, a) -> new Attempt(clock.instant(), failed ? (a == null ? 0 : a.failures()) + 1 : 0));
  }

  void forget(long id) {
    attempts.remove(id);
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    pool.shutdownNow();
    pool.awaitTermination(15, TimeUnit.SECONDS);
  }
}
