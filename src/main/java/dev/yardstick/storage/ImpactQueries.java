package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Read-side SQL for the effect on delivery: Claude Code active time per identity-day, and each identity's first active day. */
public final class ImpactQueries {
  private static final String ACTIVE = "active_user_seconds + active_cli_seconds";

  private final Database db;
  private final ReportCache cache;
  /** Per organization: first active days before {@code liveFrom}, read under {@code version}. */
  private final Map<Long, Past> past = new ConcurrentHashMap<>();

  private record Past(long version, LocalDate liveFrom, Map<Long, LocalDate> firstDays) {}

  ImpactQueries(Database db, ReportCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /**
   * Each identity's first day with any active time, over all its history (one grouped read). With a cache, the days
   * live ingest can no longer reach are read once per data version, and only the later days each time.
   */
  public Map<Long, LocalDate> firstActiveDays(long orgId) {
    if (cache == null) {
      return read(orgId, null, null);
    }
    long version = cache.version(orgId, DataVersion.Kind.TELEMETRY);
    Past held = past.get(orgId);
    if (held == null || held.version() != version) {
      LocalDate liveFrom = cache.liveFrom(orgId);
      held = new Past(version, liveFrom, Map.copyOf(read(orgId, null, liveFrom.minusDays(1))));
      past.put(orgId, held);
    }
    Map<Long, LocalDate> out = new HashMap<>(held.firstDays());
    read(orgId, held.liveFrom(), null).forEach((identity, day) -> out.merge(identity, day, (a, b) -> a.isBefore(b) ? a : b));
    return out;
  }

  /** First active days among days {@code from..to} (null: unbounded), the live part found by the day rows' key range. */
  private Map<Long, LocalDate> read(long orgId, LocalDate from, LocalDate to) {
    String range = (from == null ? "" : " AND id >= " + DayKey.first(from)) + (to == null ? "" : " AND id <= " + DayKey.last(to));
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT identity_id, MIN(usage_day) FROM identity_days"
            + " WHERE org_id = ? AND " + ACTIVE + " > 0" + range + " GROUP BY identity_id")) {
      ps.setLong(1, orgId);
      Map<Long, LocalDate> out = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }
}
