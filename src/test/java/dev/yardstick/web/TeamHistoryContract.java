package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A developer's team history: the first membership covers their data from its start (Admin API
 * backfill, git history, telemetry that arrived before they were added), a move with an earlier
 * date moves the start, and memberships can be listed and corrected. On every database.
 */
abstract class TeamHistoryContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = TestClock.today(); // the test servers' today

  Path dataDir;

  @BeforeEach
  void newDataDir() throws Exception {
    dataDir = Files.createTempDirectory("yardstick-teams");
  }

  @Test
  void createdTodayWithATeam_adminApiBackfillAndGitHistoryFromBefore_countForThatTeam() throws Exception {
    String dev = AdminDataset.email(1);
    AdminDataset data = new AdminDataset(6, 5);
    Path repos = Files.createDirectories(dataDir.resolve("repos"));
    SmallRepo repo = new SmallRepo(Files.createDirectories(repos.resolve("app"))).startingAt(TODAY.minusDays(10));
    repo.commit(dev, "a.txt", 5, "one");
    repo.commit(dev, "a.txt", 7, "two");
    repo.commit(dev, "b.txt", 2, "three");
    double sessions = 0;
    for (LocalDate d = TODAY.minusDays(6); d.isBefore(TODAY); d = d.plusDays(1)) {
      sessions += data.rows(d).stream().filter(r -> r.actor().equals(dev)).mapToLong(r -> r.sessions()).sum();
    }
    try (FakeAdminApi fake = new FakeAdminApi(data, 50);
        TestServer s = TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString(),
            "YARDSTICK_DATA_DIR", dataDir.toString(), "YARDSTICK_REPOSITORY_ROOTS", repos.toString()))) {
      assertThat(s.json("POST", "/api/v1/developers", "{\"email\":\"" + dev + "\",\"team\":\"Platform\"}").statusCode()).isEqualTo(201);
      expect(s.json("PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + TODAY.minusDays(6) + "\"}"), 200);
      awaitSync(s);
      OrgSetup.follow(s, "app", repo.dir);

      Map<String, JsonNode> teams = rows(s, TODAY.minusDays(10), TODAY.minusDays(1), "team");

      assertThat(sessions).isPositive();
      assertThat(teams).containsOnlyKeys("Platform", "unattributed");
      assertThat(teams.get("Platform").get("sessions").asDouble()).isEqualTo(sessions);
      assertThat(teams.get("Platform").get("commits").asLong()).isEqualTo(3);
      assertThat(teams.get("Platform").get("committedLinesAdded").asLong()).isEqualTo(14);
    }
  }

  @Test
  void moveWithAnEarlierDate_movesTheStart_andTheFirstMoveWithoutADateCoversThePast() throws Exception {
    try (TestServer s = TestServer.start(target, Map.of("YARDSTICK_MIN_GROUP_SIZE", "1"))) {
      String token = s.newIngestToken("laptops");
      commits(s, token, "jane@example.com", 20, 2);
      commits(s, token, "jane@example.com", 5, 1);
      commits(s, token, "omar@example.com", 20, 4);
      long jane = OrgSetup.developer(s, "jane@example.com");
      long omar = OrgSetup.developer(s, "omar@example.com");

      OrgSetup.member(s, jane, "Platform", TODAY.minusDays(10));
      OrgSetup.member(s, omar, "Payments", null); // a first team without a date: since the start of their data
      Map<String, JsonNode> before = rows(s, TODAY.minusDays(30), TODAY, "team");
      OrgSetup.member(s, jane, "Platform", TODAY.minusDays(25));
      Map<String, JsonNode> after = rows(s, TODAY.minusDays(30), TODAY, "team");

      assertThat(before.get("Platform").get("commitsByClaudeCode").asLong()).isEqualTo(1);
      assertThat(before.get("(no team)").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(before.get("Payments").get("commitsByClaudeCode").asLong()).isEqualTo(4);
      assertThat(after).containsOnlyKeys("Platform", "Payments");
      assertThat(after.get("Platform").get("commitsByClaudeCode").asLong()).isEqualTo(3);
      assertThat(JSON.readTree(s.json("GET", "/api/v1/developers/" + jane + "/memberships", null).body()).toString())
          .isEqualTo("{\"memberships\":[{\"id\":" + membershipIds(s, jane)[0] + ",\"team\":\"Platform\",\"from\":\""
              + TODAY.minusDays(25) + "\",\"to\":null}]}");
      assertThat(JSON.readTree(s.json("GET", "/api/v1/developers/" + omar, null).body()).get("memberships").toString())
          .isEqualTo("[{\"id\":" + membershipIds(s, omar)[0] + ",\"team\":\"Payments\",\"from\":null,\"to\":null}]");
    }
  }

  @Test
  void membershipDates_canBeCorrected_withoutOverlaps() throws Exception {
    try (TestServer s = TestServer.start(target, Map.of("YARDSTICK_MIN_GROUP_SIZE", "1"))) {
      String token = s.newIngestToken("laptops");
      commits(s, token, "jane@example.com", 20, 2);
      commits(s, token, "jane@example.com", 5, 1);
      long jane = OrgSetup.developer(s, "jane@example.com");
      long omar = OrgSetup.developer(s, "omar@example.com");
      String path = "/api/v1/developers/" + jane + "/memberships";
      OrgSetup.member(s, jane, "Platform", TODAY.minusDays(15));
      OrgSetup.member(s, jane, "Payments", TODAY.minusDays(8));
      long[] ids = membershipIds(s, jane);
      long platform = ids[0];
      long payments = ids[1];

      expect(s.json("GET", path, null), 200, "{\"memberships\":[{\"id\":" + platform + ",\"team\":\"Platform\",\"from\":\""
          + TODAY.minusDays(15) + "\",\"to\":\"" + TODAY.minusDays(9) + "\"},{\"id\":" + payments
          + ",\"team\":\"Payments\",\"from\":\"" + TODAY.minusDays(8) + "\",\"to\":null}]}");
      expect(s.json("PATCH", path + "/" + platform, "{\"from\":null}"), 200,
          "{\"id\":" + platform + ",\"team\":\"Platform\",\"from\":null,\"to\":\"" + TODAY.minusDays(9) + "\"}");
      assertThat(rows(s, TODAY.minusDays(30), TODAY, "team").get("Platform").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      expect(s.json("PATCH", path + "/" + payments, "{\"from\":\"" + TODAY.minusDays(12) + "\"}"), 409,
          "{\"error\":\"conflict\",\"message\":\"Payments from " + TODAY.minusDays(12) + " overlaps the membership " + platform
              + " in Platform (from the start to " + TODAY.minusDays(9) + ")\"}");
      expect(s.json("PATCH", path + "/" + platform, "{\"to\":null}"), 409,
          "{\"error\":\"conflict\",\"message\":\"Platform from the start overlaps the membership " + payments
              + " in Payments (from " + TODAY.minusDays(8) + ")\"}");
      expect(s.json("PATCH", path + "/" + platform, "{\"from\":\"" + TODAY.minusDays(2) + "\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"a membership cannot end (" + TODAY.minusDays(9) + ") before it starts ("
              + TODAY.minusDays(2) + ")\"}");
      expect(s.json("PATCH", path + "/" + platform, "{\"from\":\"last week\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"\\\"from\\\" must be a date as YYYY-MM-DD, or null for since the start (got \\\"last week\\\")\"}");
      expect(s.json("POST", path, "{\"team\":\"Security\",\"from\":\"" + TODAY.minusDays(9) + "\",\"to\":\"" + TODAY.minusDays(8) + "\"}"),
          409, "{\"error\":\"conflict\",\"message\":\"Security from " + TODAY.minusDays(9) + " to " + TODAY.minusDays(8)
              + " overlaps the membership " + platform + " in Platform (from the start to " + TODAY.minusDays(9) + ")\"}");
      expect(s.json("PATCH", "/api/v1/developers/" + omar + "/memberships/" + platform, "{\"from\":null}"), 404,
          "{\"error\":\"not_found\",\"message\":\"developer " + omar + " has no membership " + platform + "\"}");
      expect(s.json("DELETE", path + "/" + payments, null), 204, "");
      HttpResponse<String> security = s.json("POST", path, "{\"team\":\"Security\",\"from\":\"" + TODAY.minusDays(3) + "\"}");
      long securityId = JSON.readTree(security.body()).get("id").asLong();
      expect(security, 201, "{\"id\":" + securityId + ",\"team\":\"Security\",\"from\":\"" + TODAY.minusDays(3) + "\",\"to\":null}");
      expect(s.json("DELETE", path + "/" + payments, null), 404,
          "{\"error\":\"not_found\",\"message\":\"developer " + jane + " has no membership " + payments + "\"}");

      JsonNode developer = JSON.readTree(s.json("GET", "/api/v1/developers/" + jane, null).body());
      Map<String, JsonNode> teams = rows(s, TODAY.minusDays(30), TODAY, "team");
      assertThat(developer.get("team").asText()).isEqualTo("Security");
      assertThat(developer.get("memberships").toString()).isEqualTo("[{\"id\":" + platform + ",\"team\":\"Platform\",\"from\":null,"
          + "\"to\":\"" + TODAY.minusDays(9) + "\"},{\"id\":" + securityId + ",\"team\":\"Security\",\"from\":\"" + TODAY.minusDays(3)
          + "\",\"to\":null}]");
      assertThat(teams.get("Platform").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(teams.get("(no team)").get("commitsByClaudeCode").asLong()).isEqualTo(1); // the days between the two
    }
  }

  @Test
  void todaysTeam_isTheOneOnTheServersDay_inTheApiThePageAndTheExport() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z")); // not the real day
    LocalDate today = LocalDate.parse("2026-03-02");
    try (TestServer s = TestServer.start(target, Map.of(), clock)) {
      expect(s.json("POST", "/api/v1/teams", "{\"name\":\"Payments\",\"managers\":[\"lead@example.com\"]}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"jane@example.com\",\"team\":\"Platform\"}"), 201);
      long jane = ITIdentityResolution.developerId(s, "jane@example.com");
      OrgSetup.member(s, jane, "Payments", today.plusDays(1));
      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");

      for (String team : new String[] {"Platform", "Payments"}) {
        String when = team.equals("Platform") ? "today" : "tomorrow";
        assertThat(JSON.readTree(s.json("GET", "/api/v1/developers/" + jane, null).body()).get("team").asText()).as(when)
            .isEqualTo(team);
        assertThat(JSON.readTree(s.json("GET", "/api/v1/developers", null).body()).findValuesAsText("team")).as(when)
            .containsExactly(team);
        assertThat(JSON.readTree(s.json("POST", "/api/v1/identities/create-developer",
            "{\"kind\":\"email\",\"value\":\"jane@example.com\"}").body()).get("team").asText()).as(when).isEqualTo(team);
        assertThat(PeopleCsvContract.exportCsv(s)).as(when).isEqualTo(PeopleCsvContract.HEADER + "jane@example.com,jane@example.com,"
            + team + (team.equals("Platform") ? ",," : "," + today.plusDays(1) + ",") + "," + (team.equals("Payments") ? "lead@example.com" : "")
            + "\r\n");
        assertThat(s.send(s.api("/developers").GET()).body()).as(when).contains("<td><a href=\"/developers/" + jane + "\">jane@example.com</a></td><td>jane@example.com</td><td>" + team + "</td>");
        // the manager of Payments sees Jane from the day she is in it
        expect(lead.json("GET", "/api/v1/developers/" + jane, null, null), team.equals("Payments") ? 200 : 403);
        assertThat(lead.get("/developers").body().contains("jane@example.com")).as(when).isEqualTo(team.equals("Payments"));
        clock.advance(Duration.ofDays(1));
      }
    }
  }

  /** A commit.count export of {@code commits} from {@code email}, at noon {@code daysAgo} days ago. */
  static void commits(TestServer s, String token, String email, int daysAgo, int commits) throws Exception {
    ITIdentityResolution.post(s, token, ITIdentityResolution.export(email, null, email + "@" + daysAgo, noon(daysAgo), commits));
  }

  static long noon(int daysAgo) {
    return TODAY.minusDays(daysAgo).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
  }

  static long[] membershipIds(TestServer s, long developer) throws Exception {
    HttpResponse<String> r = s.json("GET", "/api/v1/developers/" + developer + "/memberships", null);
    expect(r, 200);
    JsonNode list = JSON.readTree(r.body()).get("memberships");
    long[] ids = new long[list.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = list.get(i).get("id").asLong();
    }
    return ids;
  }

  static Map<String, JsonNode> rows(TestServer s, LocalDate from, LocalDate to, String groupBy) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    s.report(from.toString(), to.toString(), groupBy).get("rows").forEach(r -> out.put(r.get("key").asText(), r));
    return out;
  }

  static void expect(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
  }

  static void expect(HttpResponse<String> r, int status, String body) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).isEqualTo(body);
  }

  static void awaitSync(TestServer s) throws Exception {
    HttpResponse<String> started = s.json("POST", "/api/v1/integrations/anthropic/sync", null);
    assertThat(started.statusCode()).as(started.body()).isIn(202, 409); // 409: the server's own tick got there first
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(s.json("GET", "/api/v1/integrations/anthropic", null).body());
      if (!status.path("sync").path("state").asText().equals("running") && status.path("backfilledThrough").asText().equals(TODAY.toString())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the sync did not end");
  }
}
