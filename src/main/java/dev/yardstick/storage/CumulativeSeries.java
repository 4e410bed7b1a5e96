package dev.yardstick.storage;

import dev.yardstick.model.Digest;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.SessionContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Turns the points of cumulative series into increments against state kept in the database. The
 * state rows are locked for the transaction, so two servers receiving the same series take turns.
 * A running total that rose more than its metric's plausibility limit allows for the time since its
 * previous point adds nothing; the series counts on from the new total.
 */
final class CumulativeSeries {
  /** A cumulative point waiting for its series state; {@code batch} is its batch's place in the transaction. */
  record Pending(long org, long identityId, FactGroup group, MetricPoint point, int batch) {}

  /** A point whose rise was implausible: not added up, and not kept in its stored group. */
  record Refused(Pending pending, Plausibility.Problem problem) {}

  record Key(long org, long hi, long lo) {
    static final Comparator<Key> ORDER = Comparator.comparingLong(Key::org).thenComparingLong(Key::hi).thenComparingLong(Key::lo);
  }

  private final String insertSql;

  CumulativeSeries(Dialect dialect) {
    insertSql = dialect.insertIfAbsent("cumulative_series", List.of("org_id", "key_hi", "key_lo"),
        List.of("org_id", "key_hi", "key_lo", "start_ns", "time_ns", "last_value", "updated_at"),
        List.of("BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", "DOUBLE PRECISION", "TIMESTAMP WITH TIME ZONE"));
  }

  /** Adds the increments to {@code days}; returns the points refused, in no particular order. */
  List<Refused> apply(Connection c, List<Pending> points, DayRows days, LongFunction<ZoneId> zones, Instant now)
      throws SQLException {
    List<Refused> refused = new ArrayList<>();
    if (points.isEmpty()) {
      return refused;
    }
    Map<Key, List<Pending>> bySeries = new TreeMap<>(Key.ORDER);
    for (Pending p : points) {
      bySeries.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
    }
    ensureRows(c, bySeries.keySet(), now);
    try (PreparedStatement select = c.prepareStatement("SELECT start_ns, time_ns, last_value FROM cumulative_series"
            + " WHERE org_id = ? AND key_hi = ? AND key_lo = ? FOR UPDATE");
        PreparedStatement update = c.prepareStatement("UPDATE cumulative_series SET start_ns = ?, time_ns = ?,"
            + " last_value = ?, updated_at = ? WHERE org_id = ? AND key_hi = ? AND key_lo = ?")) {
      for (Map.Entry<Key, List<Pending>> e : bySeries.entrySet()) {
        Key k = e.getKey();
        CumulativeState state = lock(select, k);
        List<Pending> series = e.getValue();
        series.sort(Comparator.comparingLong(p -> p.point().timeNanos()));
        for (Pending p : series) {
          MetricPoint mp = p.point();
          CumulativeState.Step step = state.apply(mp.startNanos(), mp.timeNanos(), mp.value());
          Plausibility.Problem implausible = Plausibility.rise(mp.name(), step.increment(), step.covered());
          if (implausible == null) {
            RollupMapper.addPoint(days, p.org(), zones.apply(p.org()), p.identityId(), mp, step.increment());
          } else {
            refused.add(new Refused(p, implausible));
          }
          state = step.next();
        }
        update.setLong(1, state.startNanos());
        update.setLong(2, state.timeNanos());
        update.setDouble(3, state.value());
        update.setObject(4, now.atOffset(ZoneOffset.UTC));
        update.setLong(5, k.org());
        update.setLong(6, k.hi());
        update.setLong(7, k.lo());
        update.addBatch();
      }
      update.executeBatch();
    }
    return refused;
  }

  private void ensureRows(Connection c, Iterable<Key> keys, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql)) {
      for (Key k : keys) {
        ps.setLong(1, k.org());
        ps.setLong(2, k.hi());
        ps.setLong(3, k.lo());
        ps.setLong(4, -1);
        ps.setLong(5, -1);
        ps.setDouble(6, 0);
        ps.setObject(7, now.atOffset(ZoneOffset.UTC));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static CumulativeState lock(PreparedStatement select, Key k) throws SQLException {
    select.setLong(1, k.org());
    select.setLong(2, k.hi());
    select.setLong(3, k.lo());
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("cumulative series row vanished", "40001");
      }
      long start = rs.getLong(1);
      return start < 0 ? CumulativeState.NONE : new CumulativeState(start, rs.getLong(2), rs.getDouble(3));
    }
  }

  // a series is its session, its metric and its dimensions: what the OTLP data model calls a stream
  static Key key(Pending p) {
    SessionContext ctx = p.group().context();
    long[] k = new Digest().putLong(p.identityId()).putString(ctx.sessionId()).putString(ctx.terminalType())
        .putString(ctx.appVersion()).putMap(ctx.resourceAttributes()).putString(p.point().name())
        .putMap(p.point().dims()).finish();
    return new Key(p.org(), k[0], k[1]);
  }
}
