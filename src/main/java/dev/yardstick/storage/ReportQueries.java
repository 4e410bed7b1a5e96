package dev.yardstick.storage;

import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Read-side SQL for reports: rollups of one organization and window, and the identities they name. */
public final class ReportQueries {
  private static final String SUMS = Stream.of(UsageField.values())
      .map(f -> "SUM(" + f.column() + ")").collect(Collectors.joining(", "));

  private final Database db;

  public ReportQueries(Database db) {
    this.db = db;
  }

  /**
   * Usage per day and identity, summed over models, for days {@code from..to} inclusive (days in the
   * organization's time zone), increments not yet folded in included. Model is "" in the rows.
   */
  public List<UsageRow> usageByDayAndIdentity(long orgId, LocalDate from, LocalDate to) {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // rollups and pending rows from one snapshot
      try {
        Map<List<Object>, double[]> sums = new HashMap<>();
        readRollups(c, orgId, from, to, sums);
        readPending(c, orgId, from, to, sums);
        List<UsageRow> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new UsageRow((LocalDate) k.get(0), (Long) k.get(1), "", v)));
        return out;
      } finally {
        c.rollback();
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw SqlFailure.of(e) == SqlFailure.UNAVAILABLE
          ? new StorageUnavailableException("the database is unreachable") : new IllegalStateException(e);
    }
  }

  private static void readRollups(Connection c, long orgId, LocalDate from, LocalDate to, Map<List<Object>, double[]> sums)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT usage_day, identity_id, " + SUMS + " FROM usage_daily"
        + " WHERE org_id = ? AND usage_day BETWEEN ? AND ? GROUP BY usage_day, identity_id")) {
      ps.setLong(1, orgId);
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double[] v = new double[UsageField.count()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(3 + i);
          }
          add(sums, rs.getObject(1, LocalDate.class), rs.getLong(2), v);
        }
      }
    }
  }

  private static void readPending(Connection c, long orgId, LocalDate from, LocalDate to, Map<List<Object>, double[]> sums)
      throws SQLException {
    Rollups pending = new Rollups();
    try (PreparedStatement ps = c.prepareStatement("SELECT increments FROM rollup_pending WHERE org_id = ?")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RollupCodec.decodeInto(rs.getString(1), pending);
        }
      }
    }
    pending.rows(RollupTable.USAGE).forEach((key, values) -> {
      LocalDate day = (LocalDate) key.get(1);
      if ((Long) key.get(0) == orgId && !day.isBefore(from) && !day.isAfter(to)) {
        add(sums, day, (Long) key.get(2), values);
      }
    });
  }

  private static void add(Map<List<Object>, double[]> sums, LocalDate day, long identity, double[] values) {
    double[] row = sums.computeIfAbsent(List.of(day, identity), k -> new double[UsageField.count()]);
    for (int i = 0; i < values.length; i++) {
      row[i] += values[i];
    }
  }

  /** Every identity of the organization by id. */
  public Map<Long, Identity> identities(long orgId) {
    Map<Long, Identity> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT id, email, header_email, service_name, account_uuid, account_id, user_id,"
            + " claude_org_id FROM identities WHERE org_id = :org")
        .bind("org", orgId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), new Identity(rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }
}
