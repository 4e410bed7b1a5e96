package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 6: the per-model, per-decision and per-event daily rollup tables (and the increments not
 * yet folded into them) become one row per identity and day, {@code identity_days}. In Java because
 * the row key and the detail text are built the way ingest builds them; one organization and day at
 * a time, so that a large history never has to fit in memory.
 */
final class IdentityDaysMigration implements JavaMigration {
  private static final String[] OLD_TABLES = {"usage_daily", "edit_decisions_daily", "events_daily"};
  private static final String USAGE_COLUMNS = String.join(", ", Stream.of(UsageField.values()).map(UsageField::column).toList());
  // the key is the day and the identity in one number (DayKey); detail is DayDetailText; rev counts the row's writes
  private static final String CREATE_TABLE = """
      CREATE TABLE identity_days (
        id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, usage_day DATE NOT NULL, identity_id BIGINT NOT NULL,
        sessions DOUBLE PRECISION NOT NULL, lines_added DOUBLE PRECISION NOT NULL, lines_removed DOUBLE PRECISION NOT NULL,
        edits_accepted DOUBLE PRECISION NOT NULL, edits_rejected DOUBLE PRECISION NOT NULL, commits DOUBLE PRECISION NOT NULL,
        pull_requests DOUBLE PRECISION NOT NULL, cost_usd DOUBLE PRECISION NOT NULL, tokens_input DOUBLE PRECISION NOT NULL,
        tokens_output DOUBLE PRECISION NOT NULL, tokens_cache_read DOUBLE PRECISION NOT NULL,
        tokens_cache_creation DOUBLE PRECISION NOT NULL, active_user_seconds DOUBLE PRECISION NOT NULL,
        active_cli_seconds DOUBLE PRECISION NOT NULL, events BIGINT NOT NULL, detail VARCHAR(1000000) NOT NULL,
        rev BIGINT NOT NULL)""";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("6");
  }

  @Override
  public String getDescription() {
    return "identity days";
  }

  @Override
  public Integer getChecksum() {
    return 6;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_TABLE);
    }
    Map<List<Object>, DayRows> pending = pending(c); // by organization and day
    try (PreparedStatement orgs = c.prepareStatement("SELECT id FROM orgs ORDER BY id");
        ResultSet rs = orgs.executeQuery()) {
      while (rs.next()) {
        long org = rs.getLong(1);
        for (LocalDate day : days(c, org, pending)) {
          DayRows rows = pending.getOrDefault(List.of(org, day), new DayRows());
          read(c, org, day, rows);
          insert(c, rows);
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String t : OLD_TABLES) {
        s.execute("DROP TABLE " + t);
      }
      s.execute("DROP TABLE rollup_pending");
    }
  }

  private static TreeSet<LocalDate> days(Connection c, long org, Map<List<Object>, DayRows> pending) throws SQLException {
    TreeSet<LocalDate> days = new TreeSet<>();
    pending.keySet().stream().filter(k -> (Long) k.get(0) == org).forEach(k -> days.add((LocalDate) k.get(1)));
    for (String t : OLD_TABLES) {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT usage_day FROM " + t + " WHERE org_id = ?")) {
        ps.setLong(1, org);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            days.add(rs.getObject(1, LocalDate.class));
          }
        }
      }
    }
    return days;
  }

  private static void read(Connection c, long org, LocalDate day, DayRows rows) throws SQLException {
    String where = " WHERE org_id = ? AND usage_day = ?";
    try (ResultSet rs = query(c, "SELECT identity_id, model, " + USAGE_COLUMNS + " FROM usage_daily" + where, org, day)) {
      while (rs.next()) {
        for (UsageField f : UsageField.values()) {
          addUsage(rows, org, day, rs.getLong(1), rs.getString(2), f, rs.getDouble(3 + f.ordinal()));
        }
      }
    }
    try (ResultSet rs = query(c, "SELECT identity_id, tool_name, decision, language, source, decisions FROM edit_decisions_daily"
        + where, org, day)) {
      while (rs.next()) {
        rows.addDecision(org, day, rs.getLong(1), new DayDetail.Decision(rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)), rs.getDouble(6));
      }
    }
    try (ResultSet rs = query(c, "SELECT identity_id, event_name, events FROM events_daily" + where, org, day)) {
      while (rs.next()) {
        rows.addEvents(org, day, rs.getLong(1), rs.getString(2), rs.getLong(3));
      }
    }
  }

  private static void addUsage(DayRows rows, long org, LocalDate day, long identity, String model, UsageField f, double v) {
    if (v != 0) {
      rows.addUsage(org, day, identity, model, f, v);
    }
  }

  private static ResultSet query(Connection c, String sql, long org, LocalDate day) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.closeOnCompletion();
    ps.setLong(1, org);
    ps.setObject(2, day);
    return ps.executeQuery();
  }

  private static void insert(Connection c, DayRows rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(IdentityDays.INSERT)) {
      for (DayRows.Row r : rows.rows()) {
        IdentityDays.bindInsert(ps, 1, r, DayDetailText.encode(r.detail));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Increments ingest had not folded in yet: text lines of table code (U, D, E), organization, day,
   * identity, the table's other key parts, then its values (usage: 14 comma-separated, empty for 0).
   */
  private static Map<List<Object>, DayRows> pending(Connection c) throws SQLException {
    Map<List<Object>, DayRows> out = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT increments FROM rollup_pending")) {
      while (rs.next()) {
        for (String line : rs.getString(1).split("\n")) {
          if (!line.isEmpty()) {
            addPendingLine(line.split("\t", -1), out);
          }
        }
      }
    }
    return out;
  }

  private static void addPendingLine(String[] f, Map<List<Object>, DayRows> out) {
    long org = Long.parseLong(f[1]);
    LocalDate day = LocalDate.parse(f[2]);
    long identity = Long.parseLong(f[3]);
    DayRows rows = out.computeIfAbsent(List.of(org, day), k -> new DayRows());
    switch (f[0]) {
      case "U" -> {
        String[] v = f[5].split(",", -1);
        for (int i = 0; i < v.length && i < UsageField.count(); i++) {
          addUsage(rows, org, day, identity, DayDetailText.unescape(f[4]), UsageField.at(i), v[i].isEmpty() ? 0 : Double.parseDouble(v[i]));
        }
      }
      case "D" -> rows.addDecision(org, day, identity, new DayDetail.Decision(DayDetailText.unescape(f[4]),
          DayDetailText.unescape(f[5]), DayDetailText.unescape(f[6]), DayDetailText.unescape(f[7])), Double.parseDouble(f[8]));
      case "E" -> rows.addEvents(org, day, identity, DayDetailText.unescape(f[4]), (long) Double.parseDouble(f[5]));
      default -> throw new IllegalStateException("unknown pending rollup line: " + String.join("\t", f));
    }
  }
}
