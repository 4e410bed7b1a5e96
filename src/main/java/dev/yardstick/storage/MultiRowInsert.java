package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * INSERT with many rows per statement: H2 runs a JDBC batch one statement at a time, so rows in
 * one VALUES list are several times cheaper there, and PostgreSQL gains fewer round trips.
 */
final class MultiRowInsert {
  static final int ROWS_PER_STATEMENT = 200;

  private MultiRowInsert() {}

  static void insert(Connection c, String table, List<String> columns, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
    String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    PreparedStatement full = null;
    try {
      for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
        int n = Math.min(ROWS_PER_STATEMENT, rows.size() - start);
        if (n == ROWS_PER_STATEMENT && full == null) {
          full = c.prepareStatement(head + String.join(", ", Collections.nCopies(n, one)));
        }
        PreparedStatement ps = n == ROWS_PER_STATEMENT ? full : c.prepareStatement(head + String.join(", ", Collections.nCopies(n, one)));
        try {
          int i = 1;
          for (Object[] row : rows.subList(start, start + n)) {
            for (Object v : row) {
              if (v == null) {
                ps.setNull(i++, Types.VARCHAR);
              } else {
                ps.setObject(i++, v);
              }
            }
          }
          ps.executeUpdate();
        } finally {
          if (ps != full) {
            ps.close();
          }
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }
}
