package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The organization's data versions, one per kind of row a report cache keeps (orgs.git_version, admin_version,
 * telemetry_version): writers raise their kind's inside their own transaction, so a cache on any server sees the
 * change on its next read (ReportCache), and an Admin API re-poll leaves the cached commits alone.
 */
public final class DataVersion {
  /** A kind of row, and its column. */
  enum Kind {
    GIT("git_version"), ADMIN("admin_version"), TELEMETRY("telemetry_version");

    final String column;

    Kind(String column) {
      this.column = column;
    }

    String bump() {
      return "UPDATE orgs SET " + column + " = " + column + " + 1 WHERE id = ?";
    }
  }

  /** The three versions of one organization, as read together; all -1 for an organization not found. */
  record Versions(long git, long admin, long telemetry) {
    long of(Kind k) {
      return switch (k) {
        case GIT -> git;
        case ADMIN -> admin;
        case TELEMETRY -> telemetry;
      };
    }
  }

  private DataVersion() {}

  static void bump(Connection c, long org, Kind kind) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(kind.bump())) {
      ps.setLong(1, org);
      ps.executeUpdate();
    }
  }

  static void bump(Handle h, long org, Kind kind) {
    try {
      bump(h.getConnection(), org, kind);
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }

  /** The current versions; a reader takes them before it reads the rows it will keep under them. */
  static Versions read(Database db, long org) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT git_version, admin_version, telemetry_version FROM orgs WHERE id = :org")
        .bind("org", org).map((rs, ctx) -> new Versions(rs.getLong(1), rs.getLong(2), rs.getLong(3))).findOne()
        .orElse(new Versions(-1, -1, -1)));
  }
}
