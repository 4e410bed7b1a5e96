package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many days at most a fact group's items lie after its first day, per organization, so that a
 * rebuild finds every group reaching a day within a bounded range of days before it. Ingest raises it
 * when a group spans more than any before it (rare: a Claude Code export spans a day at most); groups
 * stored before their last day was recorded are measured once, by the first removal that needs them.
 */
final class FactSpans {
  private final Map<Long, Integer> known = new ConcurrentHashMap<>(); // as this process last raised them

  /** Raises the organizations' spans in the open transaction; remember what it returns once that commits. */
  Map<Long, Integer> raise(Connection c, Map<Long, Integer> spans) throws SQLException {
    Map<Long, Integer> raised = new HashMap<>();
    spans.forEach((org, span) -> {
      if (span > known.getOrDefault(org, 0)) {
        raised.put(org, span);
      }
    });
    if (!raised.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET fact_span_days = ? WHERE id = ? AND fact_span_days < ?")) {
        for (Map.Entry<Long, Integer> e : raised.entrySet()) {
          ps.setInt(1, e.getValue());
          ps.setLong(2, e.getKey());
          ps.setInt(3, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return raised;
  }

  void remember(Map<Long, Integer> raised) {
    raised.forEach((org, span) -> known.merge(org, span, Math::max));
  }

  static int days(LocalDate first, LocalDate last) {
    return (int) Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(first, last));
  }

  /** The organization's span in days, measuring the groups stored without a last day if not done yet. */
  static int of(Database db, long org, ZoneId zone) throws SQLException {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT fact_span_days, legacy_span_days FROM orgs WHERE id = ?")) {
      ps.setLong(1, org);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int span = rs.getInt(1);
        int legacy = rs.getInt(2);
        return Math.max(span, rs.wasNull() ? measure(c, org, zone) : legacy);
      }
    }
  }

  // the groups written before last_day existed are a closed set: read through once, their largest span kept
  private static int measure(Connection c, long org, ZoneId zone) throws SQLException {
    int max = 0;
    FactQueries.Where legacy = FactQueries.live(org).and("last_day IS NULL");
    try (PreparedStatement ps = FactQueries.prepare(c, "SELECT " + StoredFact.COLUMNS + " FROM fact_groups WHERE " + legacy.sql(),
        legacy.params()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) { // one at a time: there may be many
        StoredFact f = StoredFact.read(rs);
        max = Math.max(max, days(f.firstDay(), Times.day(f.group().maxTimeNanos(), zone)));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE orgs SET legacy_span_days = ? WHERE id = ?")) {
      ps.setInt(1, max);
      ps.setLong(2, org);
      ps.executeUpdate();
    }
    return max;
  }
}
