package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Concurrently;
import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first admin through /setup and the code printed at start, over real HTTP, on every database. */
abstract class SetupContract extends OnEveryDatabase {
  private static final String PASSWORD = "first-admin-password-1";
  MovableClock clock;
  Map<String, String> dataDir;

  @BeforeEach
  void setUp() throws Exception {
    clock = new MovableClock(Instant.now());
    dataDir = Map.of("YARDSTICK_DATA_DIR", Files.createTempDirectory("yardstick-setup").toString());
  }

  @Test
  void setupPage_createsTheFirstAdmin_andIsGoneOnceSetUp() throws Exception {
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      assertThat(server.setupCode()).isNotNull();
      WebClient browser = new WebClient(server);
      assertThat(browser.get("/login").body()).contains("<a href=\"/setup\">");
      HttpResponse<String> form = browser.get("/setup");
      assertThat(form.statusCode()).isEqualTo(200);
      assertThat(form.body()).contains("name=\"code\"", "name=\"email\"", "name=\"password\"");

      HttpResponse<String> wrongCode = browser.post("/setup", "code", "AAAAA-BBBBB-CCCCC-DDDDD", "email", "boss@example.com",
          "password", PASSWORD);
      HttpResponse<String> shortPassword = browser.post("/setup", "code", server.setupCode(), "email", "boss@example.com",
          "password", "short");
      HttpResponse<String> notAnEmail = browser.post("/setup", "code", server.setupCode(), "email", "boss", "password", PASSWORD);
      assertThat(wrongCode.statusCode()).isEqualTo(400);
      assertThat(wrongCode.body()).contains("The setup code is wrong.");
      assertThat(shortPassword.statusCode()).isEqualTo(400);
      assertThat(shortPassword.body()).contains("a password needs at least 10 characters");
      assertThat(notAnEmail.statusCode()).isEqualTo(400);
      assertThat(notAnEmail.body()).contains("&quot;boss&quot; is not an email address");
      assertThat(admins(server)).isZero();

      HttpResponse<String> done = browser.post("/setup", "code", " " + server.setupCode().toLowerCase() + " ",
          "email", "Boss@Example.com", "password", PASSWORD);

      assertThat(done.statusCode()).isEqualTo(303);
      assertThat(done.headers().firstValue("Location")).hasValue("/");
      assertThat(browser.get("/api/v1/account").body()).contains("\"email\":\"boss@example.com\"", "\"role\":\"admin\"");
      assertThat(browser.get("/").statusCode()).isEqualTo(200);
      assertThat(admins(server)).isEqualTo(1);
      WebClient someoneElse = new WebClient(server);
      HttpResponse<String> gone = someoneElse.get("/setup");
      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(gone.body()).contains("Yardstick is set up").doesNotContain("name=\"code\"");
      assertThat(someoneElse.get("/login").body()).doesNotContain("/setup");
      HttpResponse<String> again = someoneElse.post("/setup", "code", server.setupCode(), "email", "second@example.com",
          "password", PASSWORD);
      assertThat(again.statusCode()).isEqualTo(404);
      assertThat(admins(server)).isEqualTo(1);
      assertThat(new WebClient(server).signIn("boss@example.com", PASSWORD).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void codeOfAnEarlierStart_diesWhenAnAdminExists() throws Exception {
    String first;
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      first = server.setupCode();
    }
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      String second = server.setupCode();
      assertThat(second).isNotNull().isNotEqualTo(first);
      assertThat(new WebClient(server).post("/setup", "code", second, "email", "boss@example.com", "password", PASSWORD)
          .statusCode()).isEqualTo(303);

      HttpResponse<String> late = new WebClient(server).post("/setup", "code", first, "email", "intruder@example.com",
          "password", PASSWORD);

      assertThat(late.statusCode()).isEqualTo(404);
      assertThat(admins(server)).isEqualTo(1);
      assertThat(server.queryOne("SELECT COUNT(*) FROM setup_codes")).isEqualTo("0");
    }
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      assertThat(server.setupCode()).as("a start with an admin prints no code").isNull();
    }
  }

  @Test
  void codeOfAnEarlierStart_diesWhenABootstrapAdminIsConfiguredLater() throws Exception {
    String code;
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      code = server.setupCode();
    }
    try (TestServer server = TestServer.start(target, dataDir)) {
      HttpResponse<String> late = new WebClient(server).post("/setup", "code", code, "email", "intruder@example.com",
          "password", PASSWORD);

      assertThat(late.statusCode()).isEqualTo(404);
      assertThat(server.queryOne("SELECT COUNT(*) FROM users")).isEqualTo("1");
    }
  }

  @Test
  void code_expiresAfterAnHour_andTheNextStartPrintsAFreshOne() throws Exception {
    String stale;
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      stale = server.setupCode();
      clock.advance(Duration.ofMinutes(61));

      HttpResponse<String> expired = new WebClient(server).post("/setup", "code", stale, "email", "boss@example.com",
          "password", PASSWORD);

      assertThat(expired.statusCode()).isEqualTo(400);
      assertThat(expired.body()).contains("The setup code has expired", "restart the server");
      assertThat(admins(server)).isZero();
      assertThat(new WebClient(server).get("/setup").statusCode()).as("not set up yet").isEqualTo(200);
    }
    try (TestServer server = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      String fresh = server.setupCode();
      assertThat(fresh).isNotNull().isNotEqualTo(stale);
      clock.advance(Duration.ofMinutes(59));
      assertThat(new WebClient(server).post("/setup", "code", stale, "email", "boss@example.com", "password", PASSWORD)
          .statusCode()).isEqualTo(400);

      assertThat(new WebClient(server).post("/setup", "code", fresh, "email", "boss@example.com", "password", PASSWORD)
          .statusCode()).isEqualTo(303);
      assertThat(admins(server)).isEqualTo(1);
    }
  }

  @Test
  void concurrentSetups_onTwoServers_createExactlyOneAdmin() throws Exception {
    try (TestServer a = TestServer.startWithoutAdmin(target, dataDir, clock);
        TestServer b = TestServer.startWithoutAdmin(target, dataDir, clock)) {
      assertThat(a.setupCode()).isNotNull().isNotEqualTo(b.setupCode());
      List<Integer> statuses = Concurrently.statuses(12, i -> {
        TestServer server = i % 2 == 0 ? a : b;
        return new WebClient(server).post("/setup", "code", server.setupCode(), "email", "admin" + i + "@example.com",
            "password", PASSWORD).statusCode();
      });

      assertThat(statuses).filteredOn(s -> s == 303).hasSize(1);
      assertThat(statuses).filteredOn(s -> s != 303).as("the others find Yardstick set up").containsOnly(404);
      assertThat(admins(a)).isEqualTo(1);
      assertThat(a.queryOne("SELECT COUNT(*) FROM users")).isEqualTo("1");
    }
  }

  private static int admins(TestServer server) throws Exception {
    return Integer.parseInt(server.queryOne("SELECT COUNT(*) FROM users WHERE role = 'admin'"));
  }
}
