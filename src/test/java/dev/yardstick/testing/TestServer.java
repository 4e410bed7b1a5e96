package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.App;
import dev.yardstick.config.Config;
import dev.yardstick.storage.TelemetryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real Yardstick on loopback (HTTP on port 0, gRPC on a free port) over a test database. */
public final class TestServer implements AutoCloseable {
  public static final String API_TOKEN = "test-admin-token-0123456789abcdef";
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "admin-password-42";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where tests build their repositories, as a repository root. */
  public static final String TEMP_ROOT = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();

  private static final Pattern SETUP_CODE = Pattern.compile("setup code ([A-Z0-9]{5}(?:-[A-Z0-9]{5}){3})");

  private final App app;
  private final TestDatabases.Target target;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String setupCode;

  private TestServer(App app, TestDatabases.Target target, Clock clock) {
    this.app = app;
    this.target = target;
    this.clock = clock;
  }

  public static TestServer start(TestDatabases.Target target) throws Exception {
    return start(target, Map.of());
  }

  /** @param settings extra YARDSTICK_* settings, applied over the test defaults (a blank value unsets one) */
  public static TestServer start(TestDatabases.Target target, Map<String, String> settings) throws Exception {
    return start(target, settings, new TestClock());
  }

  /**
   * A server with no bootstrap admin, as a first start without one; {@link #setupCode()} is the code
   * it printed, if it printed one.
   */
  public static TestServer startWithoutAdmin(TestDatabases.Target target, Map<String, String> settings, Clock clock)
      throws Exception {
    Map<String, String> without = new HashMap<>(settings);
    without.put("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", "");
    without.put("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD", "");
    PrintStream original = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    TestServer server;
    synchronized (TestServer.class) {
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        server = start(target, without, clock);
      } finally {
        System.setErr(original);
        original.print(printed.toString(StandardCharsets.UTF_8));
      }
    }
    Matcher m = SETUP_CODE.matcher(printed.toString(StandardCharsets.UTF_8));
    server.setupCode = m.find() ? m.group(1) : null;
    return server;
  }

  /**
   * @param settings extra YARDSTICK_* settings, applied over the test defaults (local repositories may be
   *     read under the system's temporary directory, where tests build them)
   * @param clock the server's clock: a {@link TestClock} by default (the tests' fixed-date exports stay
   *     inside the plausible window), the real one for clients that stamp real time
   */
  public static TestServer start(TestDatabases.Target target, Map<String, String> settings, Clock clock) throws Exception {
    return start(target, settings, clock, UnaryOperator.identity());
  }

  /** @param writer wraps where exports are committed (a test's gate or fault in front of the real store) */
  public static TestServer start(TestDatabases.Target target, Map<String, String> settings,
      UnaryOperator<TelemetryWriter> writer) throws Exception {
    return start(target, settings, new TestClock(), writer);
  }

  private static TestServer start(TestDatabases.Target target, Map<String, String> settings, Clock clock,
      UnaryOperator<TelemetryWriter> writer) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("YARDSTICK_HTTP_HOST", "127.0.0.1");
    env.put("YARDSTICK_HTTP_PORT", "0");
    env.put("YARDSTICK_OTLP_GRPC_PORT", Integer.toString(freePort()));
    env.put("YARDSTICK_DATA_DIR", Files.createTempDirectory("yardstick-test").toString());
    env.put("YARDSTICK_DB_URL", target.url());
    target.user().ifPresent(u -> env.put("YARDSTICK_DB_USER", u));
    target.password().ifPresent(p -> env.put("YARDSTICK_DB_PASSWORD", p));
    env.put("YARDSTICK_BOOTSTRAP_API_TOKEN", API_TOKEN);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("YARDSTICK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("YARDSTICK_REPOSITORY_ROOTS", TEMP_ROOT);
    env.putAll(settings);
    App app = new App(Config.fromEnv(env), clock, writer);
    app.start();
    return new TestServer(app, target, clock);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The setup code this server printed at start, or null. */
  public String setupCode() {
    return setupCode;
  }

  public App app() {
    return app;
  }

  /** The server's clock (a {@link TestClock} unless the test chose another). */
  public Clock clock() {
    return clock;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.httpPort() + path;
  }

  public int grpcPort() {
    return app.grpcPort();
  }

  public HttpClient http() {
    return http;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + API_TOKEN)
        .timeout(Duration.ofSeconds(30));
  }

  /** A JSON API call as the bootstrap admin; {@code body} null sends none. */
  public HttpResponse<String> json(String method, String path, String body) throws IOException, InterruptedException {
    return send(api(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Creates an ingest token through the API and returns it. */
  public String newIngestToken(String name) throws Exception {
    HttpResponse<String> r = send(api("/api/v1/ingest-tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("token creation answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).get("token").asText();
  }

  /** Creates a developer through the API (once: an existing email is fine) so that reports key data by them. */
  public void developer(String email) throws Exception {
    HttpResponse<String> r = send(api("/api/v1/developers").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
    if (r.statusCode() != 201 && !r.body().contains("exists")) {
      throw new IllegalStateException("developer creation answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Invites an account through the API and accepts the link through the page; returns its signed-in client. */
  public WebClient account(String email, String role, String password) throws Exception {
    HttpResponse<String> r = send(api("/api/v1/invitations").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("invitation answered " + r.statusCode() + ": " + r.body());
    }
    String link = JSON.readTree(r.body()).get("url").asText();
    WebClient client = new WebClient(this);
    HttpResponse<String> accepted = client.post(URI.create(link).getPath(), "password", password);
    if (accepted.statusCode() != 303) {
      throw new IllegalStateException("accepting the invitation answered " + accepted.statusCode() + ": " + accepted.body());
    }
    return client;
  }

  public JsonNode report(String from, String to, String groupBy) throws Exception {
    HttpResponse<String> r = send(api("/api/v1/report?from=" + from + "&to=" + to + "&groupBy=" + groupBy).GET());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("report answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** One value from the server's database, read over a separate connection. */
  public String queryOne(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Runs a statement on the server's database over a separate connection (a test's fault injection). */
  public void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  public static Path resource(String path) {
    try {
      return Path.of(TestServer.class.getClassLoader().getResource(path).toURI());
    } catch (Exception e) {
      throw new IllegalArgumentException("no test resource " + path, e);
    }
  }

  @Override
  public void close() throws Exception {
    app.close();
  }
}
