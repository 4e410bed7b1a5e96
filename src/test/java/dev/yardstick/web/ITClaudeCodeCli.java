package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.ClaudeCodeCli;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated configuration works with the real Claude Code CLI: a session run with nothing but the generated
 * files as its telemetry settings lands on the right developer, identified by the headers helper (git email) or by
 * OTEL_SERVICE_NAME.
 */
class ITClaudeCodeCli {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  TestDatabases.Target target;
  TestServer server;
  ClaudeCodeCli cli;
  String token;

  @BeforeEach
  void start() throws Exception {
    cli = ClaudeCodeCli.install();
    target = TestDatabases.h2();
    int port = TestServer.freePort();
    // the CLI stamps its data with the real time, so this server runs on the real clock
    server = TestServer.start(target, Map.of("YARDSTICK_HTTP_PORT", Integer.toString(port),
        "YARDSTICK_PUBLIC_URL", "http://127.0.0.1:" + port), Clock.systemUTC());
    token = server.newIngestToken("laptops");
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
      TestDatabases.drop(target);
    }
  }

  @Test
  void headersHelper_withTheGitEmail_putsTheSessionOnThatDeveloper() throws Exception {
    server.developer("alice@example.com");
    JsonNode config = config("{\"provider\":\"anthropic\",\"identity\":\"headers-helper\",\"token\":\"" + token + "\"}");
    Path home = home("alice");
    Files.writeString(home.resolve(".claude/settings.json"), config.get("userSettings").asText());
    Path helper = home.resolve(config.at("/headersHelper/path").asText().replaceFirst("^~/", ""));
    Files.writeString(helper, config.at("/headersHelper/script").asText());
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Alice\n\temail = alice@example.com\n");

    runClaude(home);

    assertLandsOn("alice@example.com", "X-Yardstick-User-Email");
  }

  @Test
  void serviceName_withoutAGitEmail_putsTheSessionOnThatDeveloper() throws Exception {
    server.developer("bob@example.com");
    JsonNode config = config("{\"provider\":\"litellm\",\"identity\":\"service-name\",\"email\":\"bob@example.com\","
        + "\"token\":\"" + token + "\",\"variables\":{\"ANTHROPIC_BASE_URL\":\"" + "FAKE" + "\"}}");
    Path home = home("bob");
    // LiteLLM's base URL is the one provider variable; the fake Anthropic API plays the gateway
    Files.writeString(home.resolve(".claude/settings.json"), config.get("userSettings").asText().replace("FAKE", fakeUrl));
    assertThat(config.get("headersHelper").isNull()).isTrue();

    runClaude(home);

    assertLandsOn("bob@example.com", "service.name");
  }

  private JsonNode config(String body) throws Exception {
    HttpResponse<String> r = server.json("POST", "/api/v1/claude-code/config", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  String fakeUrl;
  ClaudeCodeCli.Background fake;
  Path repo;

  /** A HOME without onboarding, a git repository with one commit, and the fake API that works in it. */
  private Path home(String name) throws Exception {
    Path home = Files.createDirectories(tmp.resolve(name));
    Files.createDirectories(home.resolve(".claude"));
    String userId = HexFormat.of().formatHex(ThreadLocalRandom.current().ints(32, 0, 256)
        .collect(() -> new java.io.ByteArrayOutputStream(), (o, b) -> o.write(b), (a, b) -> {}).toByteArray());
    Files.writeString(home.resolve(".claude.json"),
        "{\"hasCompletedOnboarding\": true, \"numStartups\": 1, \"userID\": \"" + userId + "\"}");
    repo = Files.createDirectories(home.resolve("repo"));
    Map<String, String> env = ClaudeCodeCli.environment(home, "http://127.0.0.1:1");
    ClaudeCodeCli.run(repo, env, 30, List.of("git", "init", "-q"));
    Files.writeString(repo.resolve("README.md"), "hello\n");
    ClaudeCodeCli.run(repo, env, 30, List.of("git", "add", "README.md"));
    // the first commit names its author on the command line: Bob's machine has no git email at all
    ClaudeCodeCli.run(repo, env, 30, List.of("git", "-c", "user.name=Setup", "-c", "user.email=setup@example.org",
        "commit", "-q", "-m", "start"));
    String[] url = new String[1];
    fake = cli.fake(repo, Files.createDirectories(tmp.resolve(name + "-fake")), url);
    fakeUrl = url[0];
    return home;
  }

  private void runClaude(Path home) throws Exception {
    try (ClaudeCodeCli.Background f = fake) {
      long t0 = System.nanoTime();
      String out = ClaudeCodeCli.run(repo, ClaudeCodeCli.environment(home, fakeUrl), 120, List.of(cli.claude().toString(),
          "-p", "create hello.txt containing hi", "--permission-mode", "acceptEdits",
          "--debug-file", home.resolve("claude-debug.log").toString()));
      System.out.printf("claude -p ran in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, out.strip());
      assertThat(Files.readString(repo.resolve("hello.txt"), StandardCharsets.UTF_8)).contains("hi there");
    }
  }

  /** The developer's row gets the session and the accepted lines; nothing lands unattributed. */
  private void assertLandsOn(String email, String identifiedBy) throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonNode row = null;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode r : server.report(today.minusDays(1).toString(), today.plusDays(1).toString(), "developer").get("rows")) {
        if (r.path("key").asText().equals(email) && r.path("aiLinesAdded").asDouble() > 0 && r.path("sessions").asDouble() > 0) {
          row = r;
        }
      }
      if (row != null) {
        break;
      }
      Thread.sleep(250);
    }
    JsonNode report = server.report(today.minusDays(1).toString(), today.plusDays(1).toString(), "developer");
    assertThat(row).as("report by developer: %s", report).isNotNull();
    assertThat(row.path("sessions").asDouble()).isEqualTo(1);
    assertThat(row.path("aiLinesAdded").asDouble()).isGreaterThanOrEqualTo(2);
    for (JsonNode r : report.get("rows")) {
      if (!r.path("key").asText().equals(email)) {
        assertThat(r.path("sessions").isNull() || r.path("sessions").asDouble() == 0).as("other row %s", r).isTrue();
      }
    }
    assertStatusShows(email, identifiedBy);
  }

  /** Their telemetry status names the real client's version, a terminal and the identifier that found them. */
  private void assertStatusShows(String email, String identifiedBy) throws Exception {
    String id = null;
    for (JsonNode d : JSON.readTree(server.json("GET", "/api/v1/developers", null).body()).get("developers")) {
      if (d.get("email").asText().equals(email)) {
        id = d.get("id").asText();
      }
    }
    JsonNode status = JSON.readTree(server.json("GET", "/api/v1/developers/" + id + "/telemetry", null).body());
    long deadline = System.nanoTime() + 10_000_000_000L; // first/last seen reach the database within about a second
    while (status.path("lastEventAt").isNull() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = JSON.readTree(server.json("GET", "/api/v1/developers/" + id + "/telemetry", null).body());
    }
    assertThat(status.path("lastEventAt").isNull()).as("%s", status).isFalse();
    assertThat(status.get("clientVersions").toString()).as("%s", status).contains("2.1.197");
    assertThat(status.get("terminals").size()).as("%s", status).isPositive();
    assertThat(status.at("/identifiedBy/0/attribute").asText()).as("%s", status).isEqualTo(identifiedBy);
  }
}
