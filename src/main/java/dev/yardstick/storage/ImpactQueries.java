package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-side SQL for the effect on delivery: Claude Code active time per identity-day, and each identity's first active day. */
public final class ImpactQueries {
  private static final String ACTIVE = "active_user_seconds + active_cli_seconds";

  private final Database db;

  public ImpactQueries(Database db) {
    this.db = db;
  }

  /** One identity's day with telemetry: its active time (user + CLI) in seconds, possibly 0. */
  public record ActiveDay(LocalDate day, long identityId, double activeSeconds) {}

  /** Every identity-day row holding data in {@code from..to} (organization's days), found by its key's range. */
  public List<ActiveDay> activeDays(long orgId, LocalDate from, LocalDate to) {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement("SELECT usage_day, identity_id, " + ACTIVE + " FROM identity_days"
            + " WHERE id BETWEEN ? AND ? AND org_id = ? AND usage_day BETWEEN ? AND ? AND " + IdentityDays.HOLDS_DATA)) {
      ps.setLong(1, DayKey.first(from));
      ps.setLong(2, DayKey.last(to));
      ps.setLong(3, orgId);
      ps.setObject(4, from);
      ps.setObject(5, to);
      List<ActiveDay> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ActiveDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getDouble(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure(e);
    }
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
      throw failure(e);
    }
  }

  private static RuntimeException failure(SQLException e) {
    return SqlFailure.of(e) == SqlFailure.UNAVAILABLE
        ? new StorageUnavailableException("the database is unreachable") : new IllegalStateException(e);
  }
}
