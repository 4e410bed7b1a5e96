package dev.yardstick.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a connection pool, the production migrations and a Jdbi handle, on embedded H2 (in
 * the data directory) or PostgreSQL. Lazy: the constructor does no I/O; {@link #start()} connects
 * and migrates.
 */
public final class Database implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);
  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final int poolSize;
  private final Dialect dialect;
  private volatile HikariDataSource dataSource;
  private volatile Jdbi jdbi;

  public Database(String url, Optional<String> user, Optional<String> password, int poolSize) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.poolSize = poolSize;
    this.dialect = Dialect.of(url);
  }

  /**
   * The embedded default: one H2 file in {@code dataDir}, through the private scheme (the files are
   * 0600 whatever the umask: PrivateH2Files); commits are written before they return, and a command
   * run beside the server (an import, say) reaches the file through the server's process.
   */
  public static String embeddedUrl(Path dataDir) {
    return PrivateH2Files.urlPrefix() + dataDir.resolve("yardstick").toAbsolutePath()
        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
  }

  public void start() {
    if (url.startsWith("jdbc:h2:file:") || url.startsWith(PrivateH2Files.urlPrefix())) {
      createDataDir();
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    user.ifPresent(hc::setUsername);
    password.ifPresent(hc::setPassword);
    hc.setMaximumPoolSize(poolSize);
    hc.setMinimumIdle(Math.min(2, poolSize));
    hc.setPoolName("yardstick-db");
    // fail fast when the database is away, so that exports get a 503 while the client can still retry
    hc.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
    hc.setValidationTimeout(Duration.ofSeconds(1).toMillis());
    hc.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    if (dialect == Dialect.POSTGRESQL) {
      hc.addDataSourceProperty("connectTimeout", "2");
      hc.addDataSourceProperty("socketTimeout", "30");
      hc.addDataSourceProperty("tcpKeepAlive", "true");
    }
    HikariDataSource ds = new HikariDataSource(hc);
    migrate(ds);
    jdbi = Jdbi.create(ds);
    dataSource = ds;
  }

  private void createDataDir() {
    String file = url.substring(url.indexOf(':', "jdbc:h2:".length()) + 1).split(";")[0];
    Path parent = Path.of(file).toAbsolutePath().getParent();
    if (parent == null) {
      return;
    }
    if (url.startsWith(PrivateH2Files.urlPrefix())) {
      PrivateFiles.directory(parent);
      return;
    }
    try {
      java.nio.file.Files.createDirectories(parent); // a file URL the operator chose: its directory is theirs
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create the data directory for " + file + ": " + e.getMessage(), e);
    }
  }

  private void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/common")
        .javaMigrations(new IdentityDaysMigration())
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }

  /** True if a connection answers within a second. */
  public boolean check() {
    if (dataSource == null) {
      return false;
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public Connection connection() throws SQLException {
    HikariDataSource ds = dataSource;
    if (ds == null) {
      throw new SQLException("the database is still starting", "08000");
    }
    return ds.getConnection();
  }

  Jdbi jdbi() {
    Jdbi j = jdbi;
    if (j == null) {
      throw new StorageUnavailableException("the database is still starting");
    }
    return j;
  }

  Dialect dialect() {
    return dialect;
  }

  public String describe() {
    return dialect == Dialect.POSTGRESQL ? "PostgreSQL " + url.replaceAll("password=[^&]*", "password=***") : "H2 " + url.split(";")[0];
  }

  /** Whether every session of the database is this one or one of this pool's (no other server or command uses it). */
  private boolean alone(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      rs.next();
      return rs.getInt(1) <= dataSource.getHikariPoolMXBean().getTotalConnections() + 1;
    }
  }

  @Override
  public void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /**
   * Closes; on an embedded H2 file this process opened (not a client of another process's), first rewrites the file
   * without the old row versions H2 keeps (SHUTDOWN COMPACT): a year's git import left 8.2 GB that compacts to 0.3 GB
   * in 8 s. A server stopping and the demo finishing call it; commands run beside a server never do.
   */
  public void closeCompacted() {
    if (dataSource != null && (url.startsWith("jdbc:h2:file:") || url.startsWith(PrivateH2Files.urlPrefix()))) {
      // a connection of its own: after SHUTDOWN a pooled one would be checked, and H2 would log that it is closed
      try (Connection c = java.sql.DriverManager.getConnection(url, user.orElse(""), password.orElse(""))) {
        if (!(c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionRemote)) {
          try (Statement s = c.createStatement()) {
            s.execute("SET EXCLUSIVE 1"); // nobody new connects between counting the sessions and shutting down
            s.execute(alone(c) ? "SHUTDOWN COMPACT" : "SET EXCLUSIVE 0");
          }
        }
      } catch (SQLException e) {
        log.warn("the embedded database was closed without compacting: {}", e.getMessage());
      }
    }
    close();
  }
}
