package dev.yardstick.bench;

import dev.yardstick.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/** How much disk the organization takes: H2's files, or PostgreSQL's tables with their indexes and TOAST, per table. */
final class DatabaseSize {
  private static final String[] TABLES = {"fact_groups", "identity_days", "anthropic_activity", "commits", "identities"};

  private DatabaseSize() {}

  static String describe(String db, Path dir, int developers, int days) throws Exception {
    double devYears = developers * days / 365.0;
    if (db.equals("h2")) {
      long bytes;
      try (Stream<Path> files = Files.list(dir)) {
        bytes = files.filter(p -> p.getFileName().toString().endsWith(".db")).mapToLong(p -> p.toFile().length()).sum();
      }
      return String.format("H2 files: %,.1f MB, %.1f KB per developer-year", bytes / 1e6, bytes / 1e3 / devYears);
    }
    try (Database side = new Database(db, Optional.ofNullable(System.getenv("PGUSER")).or(() -> Optional.of("postgres")),
        Optional.empty(), 2)) {
      side.start();
      StringBuilder b = new StringBuilder();
      long total = 0;
      try (Connection c = side.connection(); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 2 DESC")) {
          while (rs.next()) {
            total += rs.getLong(2);
            if (java.util.Arrays.asList(TABLES).contains(rs.getString(1))) {
              b.append(String.format(", %s %,.1f MB", rs.getString(1), rs.getLong(2) / 1e6));
            }
          }
        }
      }
      return String.format("PostgreSQL tables: %,.1f MB, %.1f KB per developer-year%s", total / 1e6, total / 1e3 / devYears, b);
    }
  }
}
