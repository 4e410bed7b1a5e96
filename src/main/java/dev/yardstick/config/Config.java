package dev.yardstick.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the service, read once at start-up from environment variables and matching
 * command-line flags ({@code YARDSTICK_HTTP_PORT} ↔ {@code --http-port}). Flags win over the
 * environment. An invalid value throws {@link ConfigException} naming the variable.
 */
public record Config(
    String httpHost,
    int httpPort,
    int grpcPort,
    Path dataDir,
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    int dbPoolSize,
    URI publicUrl,
    URI anthropicApiUrl,
    Optional<String> bootstrapAdminEmail,
    Optional<String> bootstrapAdminPassword,
    Optional<String> bootstrapApiToken,
    Optional<String> secretKey,
    long maxBodyBytes,
    long ingestQueueBytes,
    long ingestTimeoutMillis,
    int minGroupSize,
    long reportCacheRows,
    boolean managersSeeIndividuals,
    int reworkWindowDays,
    int gitFollowMinutes,
    int szzMaxFixLines,
    int gitTimeoutSeconds,
    boolean gitAllowHttp,
    List<Path> repositoryRoots,
    long bodyTimeoutMillis,
    long bodyMinRate,
    boolean h2SyncCommits,
    TrustedProxies trustedProxies,
    String logLevel) {

  /** Name, default (null = unset) and one line of help for each setting; the README mirrors this list. */
  public static final List<Setting> SETTINGS = List.of(
      new Setting("YARDSTICK_HTTP_HOST", "0.0.0.0", "address the HTTP server binds to"),
      new Setting("YARDSTICK_HTTP_PORT", "8080", "HTTP port (UI, API, OTLP/HTTP); 0 picks a free port"),
      new Setting("YARDSTICK_OTLP_GRPC_PORT", "4317", "OTLP/gRPC port; 0 turns gRPC off"),
      new Setting("YARDSTICK_DATA_DIR", "./data", "directory for the embedded database and key files"),
      new Setting("YARDSTICK_DB_URL", null, "jdbc:postgresql://host:5432/db to use PostgreSQL; unset = embedded H2"),
      new Setting("YARDSTICK_DB_USER", null, "PostgreSQL user"),
      new Setting("YARDSTICK_DB_PASSWORD", null, "PostgreSQL password"),
      new Setting("YARDSTICK_DB_POOL_SIZE", "8", "database connections per process"),
      new Setting("YARDSTICK_PUBLIC_URL", null, "URL users reach Yardstick at, used in generated configs (default http://localhost:<port>)"),
      new Setting("YARDSTICK_ANTHROPIC_API_URL", "https://api.anthropic.com", "base URL of Anthropic's Admin API"),
      new Setting("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", null, "email of the first admin user, created at first start"),
      new Setting("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD", null, "password of that first admin user"),
      new Setting("YARDSTICK_BOOTSTRAP_API_TOKEN", null, "an admin API token (at least 24 characters) created at first start, for automation"),
      new Setting("YARDSTICK_SECRET_KEY", null, "base64 AES-256 key for stored secrets; unset = a key file in the data directory"),
      new Setting("YARDSTICK_MAX_BODY_BYTES", "67108864", "largest OTLP body accepted, after decompression (bytes)"),
      new Setting("YARDSTICK_INGEST_QUEUE_BYTES", "67108864", "decoded telemetry waiting for the database before answering 429 (bytes); bodies being received (HTTP and gRPC) are bounded by the same again"),
      new Setting("YARDSTICK_INGEST_TIMEOUT_MS", "8000", "longest an export waits for its commit before answering 503"),
      new Setting("YARDSTICK_MIN_GROUP_SIZE", "3", "group figures for people who may not see the individuals in them come only from teams and weeks of at least this many contributors"),
      new Setting("YARDSTICK_REPORT_CACHE_ROWS", "1000000", "day rows of each kind (telemetry, Admin API, git) reports keep in memory per organization, so that a window already read is not read again (0 = none; about 250 bytes each)"),
      new Setting("YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "true", "whether managers see the numbers of each developer in their teams"),
      new Setting("YARDSTICK_REWORK_WINDOW_DAYS", "21", "lines rewritten or deleted within this many days of their commit count as rework"),
      new Setting("YARDSTICK_GIT_FOLLOW_MINUTES", "10", "how often followed repositories are fetched and new commits imported"),
      new Setting("YARDSTICK_SZZ_MAX_FIX_LINES", "200", "a fix that removes or rewrites more lines than this blames no commit (too broad to trace)"),
      new Setting("YARDSTICK_GIT_TIMEOUT_SECONDS", "600", "longest a git clone or fetch may take, and longest any other git command may go without output, before it is stopped"),
      new Setting("YARDSTICK_GIT_ALLOW_HTTP", "false", "whether plain http:// clone URLs are accepted (never with a token); otherwise https:// only"),
      new Setting("YARDSTICK_REPOSITORY_ROOTS", null, "directories (separated by " + java.io.File.pathSeparator + ") under which local repositories may be read by path; unset = no local paths"),
      new Setting("YARDSTICK_BODY_TIMEOUT_MS", "30000", "longest an OTLP request body may take to arrive (HTTP and gRPC) before it is answered 408 / DEADLINE_EXCEEDED and its memory given back"),
      new Setting("YARDSTICK_BODY_MIN_RATE", "16384", "slowest an OTLP request body may arrive on average after its first 2 s, in bytes per second (0 = no minimum)"),
      new Setting("YARDSTICK_H2_SYNC_COMMITS", "false", "embedded H2: force each telemetry commit to disk (fsync) before acknowledging it, so that it survives a power loss, not only a killed process"),
      new Setting("YARDSTICK_TRUSTED_PROXIES", null, "addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed (comma-separated); unset = none"),
      new Setting("YARDSTICK_LOG_LEVEL", "info", "trace, debug, info, warn or error"));

  public record Setting(String name, String defaultValue, String help) {
    public String flag() {
      return "--" + name.substring("YARDSTICK_".length()).toLowerCase().replace('_', '-');
    }
  }

  /**
   * Reads the settings from {@code env} overlaid with the flags given (variable name → value, as the
   * command line parsed them); a blank value, in either, means the default.
   */
  public static Config load(Map<String, String> env, Map<String, String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting s : SETTINGS) {
      String v = flags.containsKey(s.name()) ? flags.get(s.name()) : env.get(s.name());
      values.put(s.name(), v == null || v.isBlank() ? s.defaultValue() : v.trim());
    }
    return fromValues(new Reader(values));
  }

  public static Config fromEnv(Map<String, String> env) {
    return load(env, Map.of());
  }

  private static Config fromValues(Reader r) {
    int httpPort = r.port("YARDSTICK_HTTP_PORT");
    Optional<String> dbUrl = r.optional("YARDSTICK_DB_URL");
    dbUrl.ifPresent(url -> {
      if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
        throw new ConfigException("YARDSTICK_DB_URL", url, "expected jdbc:postgresql://host:port/database");
      }
    });
    Optional<String> apiToken = r.optional("YARDSTICK_BOOTSTRAP_API_TOKEN");
    apiToken.ifPresent(t -> {
      if (t.length() < 24 || t.chars().anyMatch(Character::isWhitespace)) {
        throw new ConfigException("YARDSTICK_BOOTSTRAP_API_TOKEN", "(hidden)",
            "use at least 24 characters without spaces, e.g. the output of `openssl rand -hex 24`");
      }
    });
    Optional<String> adminEmail = r.optional("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL");
    Optional<String> adminPassword = r.optional("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD");
    if (adminEmail.isPresent() != adminPassword.isPresent()) {
      String missing = adminEmail.isPresent() ? "YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD" : "YARDSTICK_BOOTSTRAP_ADMIN_EMAIL";
      throw new ConfigException(missing, "", "set both YARDSTICK_BOOTSTRAP_ADMIN_EMAIL and YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD, or neither");
    }
    URI publicUrl = r.optional("YARDSTICK_PUBLIC_URL").map(v -> r.url("YARDSTICK_PUBLIC_URL"))
        .orElse(URI.create("http://localhost:" + (httpPort == 0 ? 8080 : httpPort)));
    return new Config(
        r.required("YARDSTICK_HTTP_HOST"),
        httpPort,
        r.port("YARDSTICK_OTLP_GRPC_PORT"),
        Path.of(r.required("YARDSTICK_DATA_DIR")).toAbsolutePath().normalize(),
        dbUrl,
        r.optional("YARDSTICK_DB_USER"),
        r.optional("YARDSTICK_DB_PASSWORD"),
        (int) r.longIn("YARDSTICK_DB_POOL_SIZE", 2, 200),
        publicUrl,
        r.url("YARDSTICK_ANTHROPIC_API_URL"),
        adminEmail,
        adminPassword,
        apiToken,
        r.optional("YARDSTICK_SECRET_KEY"),
        r.longIn("YARDSTICK_MAX_BODY_BYTES", 1024, 1L << 31),
        r.longIn("YARDSTICK_INGEST_QUEUE_BYTES", 1L << 20, 1L << 34),
        r.longIn("YARDSTICK_INGEST_TIMEOUT_MS", 100, 600_000),
        (int) r.longIn("YARDSTICK_MIN_GROUP_SIZE", 1, 1000),
        r.longIn("YARDSTICK_REPORT_CACHE_ROWS", 0, 1L << 31),
        r.bool("YARDSTICK_MANAGERS_SEE_INDIVIDUALS"),
        (int) r.longIn("YARDSTICK_REWORK_WINDOW_DAYS", 1, 365),
        (int) r.longIn("YARDSTICK_GIT_FOLLOW_MINUTES", 1, 1440),
        (int) r.longIn("YARDSTICK_SZZ_MAX_FIX_LINES", 1, 1_000_000),
        (int) r.longIn("YARDSTICK_GIT_TIMEOUT_SECONDS", 1, 86_400),
        r.bool("YARDSTICK_GIT_ALLOW_HTTP"),
        r.directories("YARDSTICK_REPOSITORY_ROOTS"),
        r.longIn("YARDSTICK_BODY_TIMEOUT_MS", 100, 3_600_000),
        r.longIn("YARDSTICK_BODY_MIN_RATE", 0, 1L << 30),
        r.bool("YARDSTICK_H2_SYNC_COMMITS"),
        trustedProxies(r),
        r.oneOf("YARDSTICK_LOG_LEVEL", List.of("trace", "debug", "info", "warn", "error")));
  }

  private static TrustedProxies trustedProxies(Reader r) {
    String raw = r.optional("YARDSTICK_TRUSTED_PROXIES").orElse("");
    try {
      return TrustedProxies.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("YARDSTICK_TRUSTED_PROXIES", raw, e.getMessage() + "; expected IP addresses or CIDR ranges, e.g. 10.0.0.0/8, ::1");
    }
  }

  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }

  /** Secrets are never printed: a record's generated toString would show them. */
  @Override
  public String toString() {
    return "Config[http=" + httpHost + ":" + httpPort + ", grpc=" + grpcPort + ", dataDir=" + dataDir
        + ", db=" + dbUrl.map(u -> u.replaceAll("password=[^&;]*", "password=***")).orElse("embedded H2")
        + ", publicUrl=" + publicUrl + ", anthropicApiUrl=" + anthropicApiUrl + ", maxBodyBytes=" + maxBodyBytes + "]";
  }
}
