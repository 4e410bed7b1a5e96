package dev.yardstick.web;

import static dev.yardstick.web.TeamHistoryContract.awaitSync;
import static dev.yardstick.web.TeamHistoryContract.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rollout tracker over real HTTP: each setup state planted with what a real source sends (OTLP
 * exports, the Admin API through its fake, commits in a followed repository), the team filter with a
 * sub-team, and who sees whom. On every database.
 */
abstract class RolloutContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = TestClock.today();

  @Test
  void everyDeveloper_getsTheStateTheirDataShows_andLinkingLaterReattributes() throws Exception {
    AdminDataset data = new AdminDataset(3, 17); // users dev0..dev2 (dev0 as " Dev0@Example.com ")
    Path dir = Files.createTempDirectory("yardstick-rollout");
    SmallRepo repo = new SmallRepo(Files.createDirectories(dir.resolve("app"))).startingAt(TODAY.minusDays(40));
    repo.commit("git.only@example.com", "a.txt", 3, "one");
    repo.commit(AdminDataset.email(2), "a.txt", 2, "two"); // in the Admin API too: that one wins
    repo.commit("stranger@example.com", "b.txt", 1, "three"); // no developer: unmatched
    Instant sendingAt = TestClock.now().minus(Duration.ofHours(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant silentFirst = TestClock.now().minus(Duration.ofDays(13)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant silentLast = silentFirst.plus(Duration.ofDays(2));
    try (FakeAdminApi fake = new FakeAdminApi(data, 50);
        TestServer s = TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString()))) {
      for (String email : List.of("sending@example.com", "silent@example.com", AdminDataset.email(1), AdminDataset.email(2),
          "git.only@example.com", "never@example.com", "late@example.com")) {
        OrgSetup.developer(s, email);
      }
      String token = s.newIngestToken("laptops");
      send(s, token, "sending@example.com", sendingAt);
      send(s, token, "silent@example.com", silentFirst);
      send(s, token, "silent@example.com", silentLast);
      ITIdentityResolution.post(s, token, ITIdentityResolution.export(null, "u-late", "late-1", sendingAt.getEpochSecond(), 1));
      expect(s.json("PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + TODAY.minusDays(6) + "\"}"), 200);
      awaitSync(s);
      OrgSetup.follow(s, "app", repo.dir);
      s.app().writeSeen();

      JsonNode r = rollout(s, "");
      Map<String, JsonNode> devs = byEmail(r);

      assertThat(states(r)).containsExactlyInAnyOrderEntriesOf(Map.of("sending@example.com", "sending",
          "silent@example.com", "silent", AdminDataset.email(1), "onlyAdminApi", AdminDataset.email(2), "onlyAdminApi",
          "git.only@example.com", "onlyGit", "never@example.com", "neverSeen", "late@example.com", "neverSeen"));
      assertThat(r.get("counts").toString())
          .isEqualTo("{\"sending\":1,\"silent\":1,\"onlyAdminApi\":2,\"onlyGit\":1,\"neverSeen\":2}");
      assertThat(r.get("silentDays").asInt()).isEqualTo(7);
      assertThat(r.get("team").isNull()).isTrue();
      assertThat(Duration.between(Instant.parse(r.get("asOf").asText()), TestClock.now()).abs()).isLessThan(Duration.ofMinutes(1));
      assertThat(devs.get("sending@example.com").get("lastEventAt").asText()).isEqualTo(sendingAt.toString());
      assertThat(devs.get("silent@example.com").get("firstEventAt").asText()).isEqualTo(silentFirst.toString());
      assertThat(devs.get("silent@example.com").get("lastEventAt").asText()).isEqualTo(silentLast.toString());
      assertThat(devs.get(AdminDataset.email(1)).get("adminApiLastDay").asText()).isEqualTo(lastDay(data, AdminDataset.email(1)).toString());
      assertThat(devs.get(AdminDataset.email(2)).get("lastCommitAt").asText()).isEqualTo(TODAY.minusDays(39) + "T10:00:00Z");
      assertThat(devs.get("git.only@example.com").get("lastCommitAt").asText()).isEqualTo(TODAY.minusDays(40) + "T10:00:00Z");
      assertThat(devs.get("git.only@example.com").get("adminApiLastDay").isNull()).isTrue();
      assertThat(devs.get("never@example.com").get("firstEventAt").isNull()).isTrue();
      assertThat(devs.get("never@example.com").fieldNames()).toIterable().containsExactly("id", "email", "name", "team", "state",
          "firstEventAt", "lastEventAt", "adminApiLastDay", "lastCommitAt");
      // dev0 in the Admin API, stranger@ in git and the user.id u-late in telemetry belong to no one
      assertThat(r.get("unmatchedIdentities").asInt()).isEqualTo(3);

      // a longer silence threshold makes the silent developer a sender; the parameter is checked
      assertThat(states(rollout(s, "?silentDays=20")).get("silent@example.com")).isEqualTo("sending");
      expect(s.json("GET", "/api/v1/rollout?silentDays=0", null), 400, "{\"error\":\"bad_request\",\"message\":"
          + "\"silentDays must be a whole number of days from 1 to 90 (got \\\"0\\\")\"}");
      assertThat(s.json("GET", "/api/v1/rollout?silentDays=91", null).statusCode()).isEqualTo(400);
      assertThat(s.json("GET", "/api/v1/rollout?silentDays=week", null).statusCode()).isEqualTo(400);

      // linking the user.id later re-attributes what it sent
      long late = ITIdentityResolution.developerId(s, "late@example.com");
      expect(s.json("POST", "/api/v1/developers/" + late + "/aliases", "{\"kind\":\"user_id\",\"value\":\"u-late\"}"), 201);
      JsonNode after = rollout(s, "");
      assertThat(states(after).get("late@example.com")).isEqualTo("sending");
      assertThat(byEmail(after).get("late@example.com").get("lastEventAt").asText()).isEqualTo(sendingAt.toString());
      assertThat(after.get("unmatchedIdentities").asInt()).isEqualTo(2);
    }
  }

  @Test
  void teamFilter_includesSubTeams_managersSeeTheirTeams_developersNothing() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      OrgSetup.team(s, "Engineering", null, "boss@example.com");
      OrgSetup.team(s, "Platform", "Engineering", "lead@example.com");
      OrgSetup.team(s, "Payments", null, "pay@example.com");
      for (String[] dt : new String[][] {{"eng@example.com", "Engineering"}, {"plat@example.com", "Platform"},
          {"pay.dev@example.com", "Payments"}}) {
        OrgSetup.member(s, OrgSetup.developer(s, dt[0]), dt[1], null);
      }
      OrgSetup.developer(s, "loner@example.com");
      WebClient boss = s.account("boss@example.com", "manager", "boss-password-1234");
      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");
      WebClient dev = s.account("plat@example.com", "developer", "dev-password-12345");

      assertThat(states(rollout(s, "")).keySet()).containsExactlyInAnyOrder("eng@example.com", "plat@example.com",
          "pay.dev@example.com", "loner@example.com");
      JsonNode engineering = rollout(s, "?team=" + URLEncoder.encode("engineering ", StandardCharsets.UTF_8));
      assertThat(engineering.get("team").asText()).isEqualTo("Engineering");
      assertThat(states(engineering).keySet()).containsExactlyInAnyOrder("eng@example.com", "plat@example.com");
      assertThat(engineering.get("counts").get("neverSeen").asInt()).isEqualTo(2);
      assertThat(byEmail(engineering).get("plat@example.com").get("team").asText()).isEqualTo("Platform");
      assertThat(states(rollout(s, "?team=Platform")).keySet()).containsExactly("plat@example.com");
      expect(s.json("GET", "/api/v1/rollout?team=Nowhere", null), 400, "{\"error\":\"bad_request\",\"message\":\"no team named Nowhere\"}");

      JsonNode bosses = managerRollout(boss, "", 200);
      assertThat(states(bosses).keySet()).containsExactlyInAnyOrder("eng@example.com", "plat@example.com");
      assertThat(bosses.has("unmatchedIdentities")).isFalse();
      assertThat(states(managerRollout(boss, "?team=Platform", 200)).keySet()).containsExactly("plat@example.com");
      assertThat(states(managerRollout(lead, "", 200)).keySet()).containsExactly("plat@example.com");
      assertThat(managerRollout(lead, "?team=Engineering", 403).get("message").asText())
          .isEqualTo("you do not manage the team Engineering");
      assertThat(managerRollout(lead, "?team=Payments", 403).get("message").asText()).isEqualTo("you do not manage the team Payments");
      assertThat(dev.json("GET", "/api/v1/rollout", null, null).statusCode()).isEqualTo(403);
    }
  }

  static void send(TestServer s, String token, String email, Instant at) throws Exception {
    OtlpExports.Answer a = OtlpExports.send(s, token, OtlpExports.Transport.HTTP_PROTOBUF, OtlpExports.metrics(email,
        email + "@" + at.getEpochSecond(), List.of(OtlpExports.Point.delta("claude_code.session.count", at, 1))));
    assertThat(a.status()).isEqualTo(200);
  }

  static JsonNode rollout(TestServer s, String query) throws Exception {
    HttpResponse<String> r = s.json("GET", "/api/v1/rollout" + query, null);
    expect(r, 200);
    return JSON.readTree(r.body());
  }

  static JsonNode managerRollout(WebClient c, String query, int status) throws Exception {
    HttpResponse<String> r = c.json("GET", "/api/v1/rollout" + query, null, null);
    expect(r, status);
    return JSON.readTree(r.body());
  }

  static Map<String, JsonNode> byEmail(JsonNode rollout) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    rollout.get("developers").forEach(d -> out.put(d.get("email").asText(), d));
    return out;
  }

  static Map<String, String> states(JsonNode rollout) {
    Map<String, String> out = new TreeMap<>();
    rollout.get("developers").forEach(d -> out.put(d.get("email").asText(), d.get("state").asText()));
    return out;
  }

  /** The last day the fake reports rows for this user over the synced window. */
  static LocalDate lastDay(AdminDataset data, String email) {
    LocalDate last = null;
    for (LocalDate d = TODAY.minusDays(6); !d.isAfter(TODAY); d = d.plusDays(1)) {
      if (data.rows(d).stream().anyMatch(row -> row.actor().trim().equalsIgnoreCase(email))) {
        last = d;
      }
    }
    return last;
  }
}
