package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Folds pending rollup increments into the daily rollups: read the pending rows up to the highest
 * id, add their sums to the rollups, delete exactly those rows, in one transaction that sees one
 * snapshot (a row committed late, with a lower id, waits for the next run). On PostgreSQL a
 * transaction-scoped advisory lock lets one server at a time do it.
 */
final class RollupCompactor {
  /** An arbitrary constant naming Yardstick's fold lock among the database's advisory locks. */
  private static final long LOCK_KEY = 0x5941524453544bL;

  private final Database db;

  RollupCompactor(Database db) {
    this.db = db;
  }

  /** Returns the number of pending rows folded in; 0 when another server holds the lock. */
  int compact() throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        int folded = db.dialect() == Dialect.POSTGRESQL && !tryLock(c) ? 0 : compactIn(c);
        c.commit();
        return folded;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
  }

  private int compactIn(Connection c) throws SQLException {
    Rollups sums = new Rollups();
    long maxId = -1;
    int rows = 0;
    try (PreparedStatement ps = c.prepareStatement("SELECT id, increments FROM rollup_pending ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        maxId = rs.getLong(1);
        RollupCodec.decodeInto(rs.getString(2), sums);
        rows++;
      }
    }
    if (rows == 0) {
      return 0;
    }
    sums.upsert(c, db.dialect());
    try (PreparedStatement del = c.prepareStatement("DELETE FROM rollup_pending WHERE id <= ?")) {
      del.setLong(1, maxId);
      del.executeUpdate();
    }
    return rows;
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
      ps.setLong(1, LOCK_KEY);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
