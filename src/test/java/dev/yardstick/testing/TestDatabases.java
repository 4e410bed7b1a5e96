package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests, always migrated by the production migrations: H2 in memory, or a new
 * schema on a real PostgreSQL (YARDSTICK_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test,
 * user YARDSTICK_TEST_PG_USER, default postgres). Without PostgreSQL the test is skipped, except
 * under CI=true, where it fails.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A JDBC URL with its credentials. */
  public record Target(String url, Optional<String> user, Optional<String> password, String schema) {
    public boolean postgres() {
      return url.startsWith("jdbc:postgresql:");
    }
  }

  public static Target h2() {
    return new Target("jdbc:h2:mem:ys" + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", Optional.empty(), Optional.empty(), null);
  }

  /** A new, empty schema on the test PostgreSQL; {@link #drop(Target)} removes it. */
  public static Target postgres() {
    String base = env("YARDSTICK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("YARDSTICK_TEST_PG_USER", "postgres");
    String password = System.getenv("YARDSTICK_TEST_PG_PASSWORD");
    String schema = "ys_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at " + base + " as " + user + " (" + e.getMessage()
          + "); set YARDSTICK_TEST_PG_URL / _USER / _PASSWORD";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new Target(url, Optional.of(user), Optional.ofNullable(password), schema);
  }

  public static void drop(Target t) {
    if (t == null || !t.postgres()) {
      return;
    }
    String base = env("YARDSTICK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    try (Connection c = DriverManager.getConnection(base, t.user().orElse(null), t.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + t.schema() + " CASCADE");
    } catch (SQLException e) {
      // a leftover schema costs nothing but space; the test result stands
    }
  }

  private static String env(String name, String def) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? def : v;
  }
}
