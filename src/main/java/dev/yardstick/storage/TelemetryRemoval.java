package dev.yardstick.storage;

import dev.yardstick.model.Signal;
import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Removes telemetry fact groups and rebuilds every day row they added to from the facts that stay
 * (see {@link DayRebuild}), so a removed export's contribution leaves the rollups exactly, however
 * large it was. A dry run reads the same and writes nothing.
 *
 * <p>Identities are taken a few at a time, each batch in one transaction that locks what ingest
 * locks, in ingest's order: the removed groups, the state of the cumulative series they touch, then
 * the day rows. An export arriving meanwhile for the same rows waits and then adds to the rebuilt
 * row; one that committed first is among the facts the rows are rebuilt from.
 */
public final class TelemetryRemoval {
  private static final int BATCH_GROUPS = 5_000;
  private static final int BATCH_IDENTITIES = 200;
  private static final int ATTEMPTS = 5;
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database db;
  private final OrgStore orgs;

  public TelemetryRemoval(Database db, OrgStore orgs) {
    this.db = db;
    this.orgs = orgs;
  }

  /**
   * Which groups go: those sent with an ingest token, of some identities, and whose earliest point or
   * event falls on a day from {@code from} to {@code to} (organization's time zone); null: any.
   */
  public record Filter(String tokenId, Set<Long> identityIds, LocalDate from, LocalDate to) {}

  /**
   * What went, or would go.
   *
   * @param groupsByToken groups per ingest token; the null key counts groups stored before tokens were recorded
   * @param figures how much each total of the rebuilt rows went down, in {@link UsageField} order
   * @param eventsCounted how much the rebuilt rows' event counts went down
   */
  public record Outcome(long factGroups, long points, long events, Set<LocalDate> days, long dayRows,
      Map<Long, Long> groupsByIdentity, Map<String, Long> groupsByToken, double[] figures, long eventsCounted) {}

  /** Removes what the filter names (records each group as taken by {@code removalId}); null: a dry run. */
  public Outcome run(long org, Filter filter, Long removalId, Instant now) {
    ZoneId zone = orgs.zone(org);
    Tally tally = new Tally();
    try {
      int span = FactSpans.of(db, org, zone);
      for (List<StoredFact.Key> batch : batches(org, filter, zone)) {
        tally.add(inTransaction(c -> {
          Tally t = new RemovalBatch(c, org, zone, span, removalId).run(batch, now);
          if (removalId != null) {
            DataVersion.bump(c, org, DataVersion.Kind.TELEMETRY); // day rows of any age changed: reports' caches start again
          }
          return t;
        }));
      }
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
    return tally.outcome();
  }

  /** The groups the filter names, found in one pass, in batches of a few identities' groups. */
  private List<List<StoredFact.Key>> batches(long org, Filter filter, ZoneId zone) throws SQLException {
    if (filter.identityIds() != null && filter.identityIds().isEmpty()) {
      return List.of();
    }
    Map<Long, List<StoredFact.Key>> groups;
    try (Connection c = db.connection()) {
      groups = FactQueries.keysPerIdentity(c, FactQueries.target(org, filter, zone));
    }
    List<List<StoredFact.Key>> out = new ArrayList<>();
    List<StoredFact.Key> batch = new ArrayList<>();
    int identities = 0;
    for (List<StoredFact.Key> keys : groups.values()) {
      if (!batch.isEmpty() && (batch.size() + keys.size() > BATCH_GROUPS || identities == BATCH_IDENTITIES)) {
        out.add(batch);
        batch = new ArrayList<>();
        identities = 0;
      }
      batch.addAll(keys);
      identities++;
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }

  private interface Work {
    Tally run(Connection c) throws SQLException;
  }

  /** Runs the work in a transaction, again after a deadlock or a row another transaction inserted first. */
  private Tally inTransaction(Work work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = db.connection()) {
        c.setAutoCommit(false);
        try {
          Tally t = work.run(c);
          c.commit();
          return t;
        } catch (SQLException e) {
          c.rollback();
          boolean again = SqlFailure.of(e) == SqlFailure.CONFLICT || UNIQUE_VIOLATION.equals(e.getSQLState());
          if (!again || attempt == ATTEMPTS) {
            throw e;
          }
        } catch (RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
    }
  }

  /** What a batch removed, added up over batches. */
  static final class Tally {
    long groups;
    long points;
    long events;
    long dayRows;
    long eventsCounted;
    final Set<LocalDate> days = new TreeSet<>();
    final Map<Long, Long> byIdentity = new TreeMap<>();
    final Map<String, Long> byToken = new HashMap<>();
    final double[] figures = new double[UsageField.count()];

    void count(StoredFact f) {
      groups++;
      if (f.signal() == Signal.METRICS) {
        points += f.itemCount();
      } else {
        events += f.itemCount();
      }
      byIdentity.merge(f.identityId(), 1L, Long::sum);
      byToken.merge(f.tokenId(), 1L, Long::sum);
    }

    void rows(List<Long> keys, Map<Long, DayRowRewrite.Found> before, DayRows after) {
      dayRows += keys.size();
      for (long key : keys) {
        DayRowRewrite.Found b = before.get(key);
        DayRows.Row a = after.get(key);
        for (int i = 0; i < figures.length; i++) {
          figures[i] += (b == null ? 0 : b.usage()[i]) - (a == null ? 0 : a.usage[i]);
        }
        eventsCounted += (b == null ? 0 : b.events()) - (a == null ? 0 : a.events);
      }
    }

    void add(Tally o) {
      groups += o.groups;
      points += o.points;
      events += o.events;
      dayRows += o.dayRows;
      eventsCounted += o.eventsCounted;
      days.addAll(o.days);
      o.byIdentity.forEach((k, v) -> byIdentity.merge(k, v, Long::sum));
      o.byToken.forEach((k, v) -> byToken.merge(k, v, Long::sum));
      for (int i = 0; i < figures.length; i++) {
        figures[i] += o.figures[i];
      }
    }

    Outcome outcome() {
      return new Outcome(groups, points, events, days, dayRows, byIdentity, byToken, figures, eventsCounted);
    }
  }
}
