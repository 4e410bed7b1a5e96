package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The organization's data version (orgs.data_version): writers of anything a report cache holds raise it inside their
 * own transaction, so a cache on any server sees the change on its next read (ReportCache).
 */
public final class DataVersion {
  private static final String BUMP = "UPDATE orgs SET data_version = data_version + 1 WHERE id = ?";

  private DataVersion() {}

  static void bump(Connection c, long org) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(BUMP)) {
      ps.setLong(1, org);
      ps.executeUpdate();
    }
  }

  static void bump(Handle h, long org) {
    h.createUpdate(BUMP.replace("?", ":org")).bind("org", org).execute();
  }

  /** The current version; a reader takes it before it reads the rows it will cache under it. */
  static long read(Database db, long org) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT data_version FROM orgs WHERE id = :org").bind("org", org)
        .mapTo(Long.class).findOne().orElse(-1L));
  }
}
