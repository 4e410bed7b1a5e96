package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets identities' day rows to what a rebuild says they hold, and cumulative series to the state they
 * end in. A row left with nothing is emptied, not deleted: its revision keeps counting, so a server
 * that remembers an older revision cannot take a new row for the one it remembers (reports skip it).
 */
final class DayRowRewrite {
  private static final String SET = String.join(", ", IdentityDays.TOTALS.stream().map(c -> c + " = ?").toList());

  private DayRowRewrite() {}

  /** A day row as found: its totals (in {@link UsageField} order) and its event count. */
  record Found(double[] usage, long events) {}

  /** The rows that exist among {@code keys}, read in key order and locked for the transaction when {@code lock}. */
  static Map<Long, Found> read(Connection c, List<Long> keys, boolean lock) throws SQLException {
    Map<Long, Found> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", IdentityDays.TOTALS)
        + " FROM identity_days WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      for (long key : keys) {
        ps.setLong(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            double[] usage = new double[UsageField.count()];
            for (int i = 0; i < usage.length; i++) {
              usage[i] = rs.getDouble(i + 1);
            }
            out.put(key, new Found(usage, rs.getLong(usage.length + 1)));
          }
        }
      }
    }
    return out;
  }

  /** Writes each row of {@code keys} (in key order) as {@code rebuilt} has it; a row absent there is emptied. */
  static void write(Connection c, List<Long> keys, Map<Long, Found> found, DayRows rebuilt) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE identity_days SET " + SET + ", detail = ?, rev = rev + 1"
            + " WHERE id = ?");
        PreparedStatement insert = c.prepareStatement(IdentityDays.INSERT)) {
      for (long key : keys) {
        DayRows.Row row = rebuilt.get(key);
        boolean data = row != null && row.holdsData();
        if (!found.containsKey(key)) {
          if (data) {
            IdentityDays.bindInsert(insert, 1, row, DayDetailText.encode(row.detail));
            insert.executeUpdate();
          }
          continue;
        }
        int i = 1;
        for (int f = 0; f < UsageField.count(); f++) {
          update.setDouble(i++, data ? row.usage[f] : 0);
        }
        update.setLong(i++, data ? row.events : 0);
        update.setString(i++, data ? DayDetailText.encode(row.detail) : "");
        update.setLong(i, key);
        update.executeUpdate();
      }
    }
  }

  /** Sets each series to its state; a series with no point left has none (its next point is a first sight). */
  static void writeStates(Connection c, Map<CumulativeSeries.Key, CumulativeState> states, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE cumulative_series SET start_ns = ?, time_ns = ?, last_value = ?,"
        + " updated_at = ? WHERE org_id = ? AND key_hi = ? AND key_lo = ?")) {
      for (Map.Entry<CumulativeSeries.Key, CumulativeState> e : states.entrySet()) {
        CumulativeState s = e.getValue();
        ps.setLong(1, s.startNanos());
        ps.setLong(2, s.timeNanos());
        ps.setDouble(3, s.value());
        ps.setObject(4, now.atOffset(ZoneOffset.UTC));
        ps.setLong(5, e.getKey().org());
        ps.setLong(6, e.getKey().hi());
        ps.setLong(7, e.getKey().lo());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Locks the series' state rows in key order, the order ingest locks them in. */
  static void lockSeries(Connection c, Iterable<CumulativeSeries.Key> keys) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT start_ns FROM cumulative_series"
        + " WHERE org_id = ? AND key_hi = ? AND key_lo = ? FOR UPDATE")) {
      for (CumulativeSeries.Key k : keys) {
        ps.setLong(1, k.org());
        ps.setLong(2, k.hi());
        ps.setLong(3, k.lo());
        ps.executeQuery().close();
      }
    }
  }
}
