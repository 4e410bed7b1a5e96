package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Read-side SQL for the effect on delivery: Claude Code active time per identity-day, and each identity's first active day. */
public final class ImpactQueries {
  private static final String ACTIVE = "active_user_seconds + active_cli_seconds";

  private final Database db;

  public ImpactQueries(Database db) {
    this.db = db;
  }

  /** Each identity's first day with any active time, over all its history (one grouped read). */
  public Map<Long, LocalDate> firstActiveDays(long orgId) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT identity_id, MIN(usage_day) FROM identity_days"
            + " WHERE org_id = ? AND " + ACTIVE + " > 0 GROUP BY identity_id")) {
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
