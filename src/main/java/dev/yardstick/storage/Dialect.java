package dev.yardstick.storage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few SQL statements that differ between H2 and PostgreSQL, in one place. (Adding to rollup
 * rows differs too, by more than a text: see {@link Rollups#upsert}.)
 */
enum Dialect {
  H2,
  POSTGRESQL;

  static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
  }

  /** An insert that does nothing when a row with the same {@code keys} exists; its update count says which. */
  String insertIfAbsent(String table, List<String> keys, List<String> columns, List<String> types) {
    if (this == POSTGRESQL) {
      return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size()) + ")"
          + " ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
    }
    return "MERGE INTO " + table + " t USING (VALUES (" + casts(types) + ")) AS s (" + String.join(", ", columns) + ")"
        + " ON " + keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
        + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
        + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
  }

  /** Locks one organization's row until the transaction ends, without blocking rows that merely refer to it. */
  String lockOrg() {
    return "SELECT id FROM orgs WHERE id = ?" + (this == POSTGRESQL ? " FOR NO KEY UPDATE" : " FOR UPDATE");
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  // H2 cannot infer the types of parameters inside VALUES, so each is cast
  private static String casts(List<String> types) {
    return types.stream().map(t -> "CAST(? AS " + t + ")").collect(Collectors.joining(", "));
  }
}
