package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.UsageExports;
import dev.yardstick.testing.UsageExports.Usage;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ingest tokens over real HTTP: rotation with a grace period, revocation at once, developers seen per token,
 * and personal tokens whose data is their owner's whatever it says, kept to their owner and admins. On every database.
 */
abstract class IngestTokenContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate DAY = TestClock.today().minusDays(2);
  static final String FROM = TestClock.today().minusDays(10).toString();
  static final String TO = TestClock.today().plusDays(1).toString();

  @Test
  void rotate_oldAndNewWorkDuringTheGracePeriod_onlyTheNewAfter() throws Exception {
    TestClock clock = new TestClock();
    try (TestServer s = TestServer.start(target, Map.of(), clock)) {
      String old = s.newIngestToken("laptops");
      String oldId = UsageExports.tokenId(old);
      assertThat(send(s, old, "a", 1)).isEqualTo(200);

      HttpResponse<String> r = s.json("POST", "/api/v1/ingest-tokens/" + oldId + "/rotate", "{\"graceHours\":1}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode rotated = JSON.readTree(r.body());
      String fresh = rotated.get("token").asText();
      assertThat(rotated.get("replaces").asText()).isEqualTo(oldId);
      assertThat(rotated.get("name").asText()).isEqualTo("laptops");
      Instant stops = Instant.parse(rotated.get("oldTokenStopsAt").asText());
      assertThat(Duration.between(clock.instant(), stops)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
      assertThat(send(s, old, "b", 2)).isEqualTo(200);
      assertThat(send(s, fresh, "c", 3)).isEqualTo(200);
      assertThat(token(s, oldId).get("state").asText()).isEqualTo("expiring");
      assertThat(token(s, oldId).get("replacedBy").asText()).isEqualTo(rotated.get("id").asText());
      assertThat(token(s, rotated.get("id").asText()).get("replaces").asText()).isEqualTo(oldId);
      assertThat(s.json("POST", "/api/v1/ingest-tokens/" + oldId + "/rotate", "{\"graceHours\":1}").statusCode())
          .as("a replaced token is not rotated twice").isEqualTo(409);

      clock.advance(Duration.between(clock.instant(), stops).plusSeconds(1)); // within the authenticator's 5 s cache

      assertThat(send(s, old, "d", 4)).isEqualTo(401);
      assertThat(send(s, fresh, "e", 5)).isEqualTo(200);
      assertThat(token(s, oldId).get("state").asText()).isEqualTo("expired");
      assertThat(token(s, rotated.get("id").asText()).get("state").asText()).isEqualTo("active");
      assertThat(s.report(FROM, TO, "org").get("rows").get(0).get("aiLinesAdded").asLong()).isEqualTo(1 + 2 + 3 + 5);
    }
  }

  @Test
  void rotate_withABadGracePeriod_saysWhatIsWrong_andChangesNothing() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String t = s.newIngestToken("laptops");
      String path = "/api/v1/ingest-tokens/" + UsageExports.tokenId(t) + "/rotate";

      assertBad(s.json("POST", path, "{\"graceHours\":721}"), "\\\"graceHours\\\" must be a whole number of hours from 0 to 720"
          + " (30 days) (got 721)");
      assertBad(s.json("POST", path, "{\"graceHours\":-1}"), "\\\"graceHours\\\" must be a whole number of hours from 0 to 720"
          + " (30 days) (got -1)");
      assertBad(s.json("POST", path, "{\"graceHours\":\"a day\"}"), "\\\"graceHours\\\" is required: a whole number of hours"
          + " from 0 to 720 that the old token keeps working (got \\\"a day\\\")");
      assertBad(s.json("POST", path, "{}"), "\\\"graceHours\\\" is required: a whole number of hours from 0 to 720 that the old"
          + " token keeps working");
      assertThat(s.json("POST", "/api/v1/ingest-tokens/nosuch12/rotate", "{\"graceHours\":1}").statusCode()).isEqualTo(404);
      assertThat(list(s)).hasSize(1);
      assertThat(send(s, t, "a", 1)).isEqualTo(200);
    }
  }

  @Test
  void rotate_withNoGrace_stopsTheOldTokenAtOnce() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String old = s.newIngestToken("laptops");
      assertThat(send(s, old, "a", 1)).isEqualTo(200); // now in the authenticator's cache

      JsonNode r = JSON.readTree(s.json("POST", "/api/v1/ingest-tokens/" + UsageExports.tokenId(old) + "/rotate",
          "{\"graceHours\":0}").body());

      assertThat(send(s, old, "b", 2)).isEqualTo(401);
      assertThat(send(s, r.get("token").asText(), "c", 3)).isEqualTo(200);
    }
  }

  @Test
  void revoke_stopsTheTokenAtOnce() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String t = s.newIngestToken("laptops");
      assertThat(send(s, t, "a", 1)).isEqualTo(200);

      assertThat(s.json("DELETE", "/api/v1/ingest-tokens/" + UsageExports.tokenId(t), null).statusCode()).isEqualTo(204);

      assertThat(send(s, t, "b", 2)).isEqualTo(401);
      assertThat(token(s, UsageExports.tokenId(t)).get("state").asText()).isEqualTo("revoked");
      assertThat(s.json("POST", "/api/v1/ingest-tokens/" + UsageExports.tokenId(t) + "/rotate", "{\"graceHours\":1}").statusCode())
          .isEqualTo(409);
    }
  }

  @Test
  void developersSeen_countsDistinctDevelopers_andUnlinkedIdentitiesApart() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long jane = OrgSetup.developer(s, "jane@example.com");
      OrgSetup.developer(s, "joe@example.com");
      assertThat(s.json("POST", "/api/v1/developers/" + jane + "/aliases", "{\"kind\":\"email\",\"value\":\"jd@home.example\"}")
          .statusCode()).isEqualTo(201);
      String laptops = s.newIngestToken("laptops");
      String ci = s.newIngestToken("ci");
      assertThat(send(s, laptops, "jane@example.com", "a", 1)).isEqualTo(200);
      assertThat(send(s, laptops, "jd@home.example", "b", 2)).isEqualTo(200); // another identity of jane
      assertThat(send(s, laptops, "joe@example.com", "c", 3)).isEqualTo(200);
      assertThat(send(s, laptops, "stranger@example.com", "d", 4)).isEqualTo(200);
      assertThat(send(s, ci, "joe@example.com", "e", 5)).isEqualTo(200);
      s.app().writeSeen();

      JsonNode l = token(s, UsageExports.tokenId(laptops));
      JsonNode c = token(s, UsageExports.tokenId(ci));

      assertThat(l.get("developersSeen").asInt()).isEqualTo(2);
      assertThat(l.get("unmatchedIdentitiesSeen").asInt()).isEqualTo(1);
      assertThat(c.get("developersSeen").asInt()).isEqualTo(1);
      assertThat(c.get("unmatchedIdentitiesSeen").asInt()).isZero();
      assertThat(l.get("lastUsedAt").isNull()).isFalse();
      assertThat(l.get("kind").asText()).isEqualTo("organization");

      // linking the stranger later re-attributes: seen per token is resolved when read
      long stranger = OrgSetup.developer(s, "stranger@example.com");
      assertThat(stranger).isPositive();
      JsonNode after = token(s, UsageExports.tokenId(laptops));
      assertThat(after.get("developersSeen").asInt()).isEqualTo(3);
      assertThat(after.get("unmatchedIdentitiesSeen").asInt()).isZero();
    }
  }

  @Test
  void personalToken_dataBelongsToItsOwner_whateverItsAttributesSay() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long alice = OrgSetup.developer(s, "alice@example.com");
      OrgSetup.developer(s, "bob@example.com");
      String org = s.newIngestToken("laptops");
      WebClient a = s.account("alice@example.com", "developer", "alice-password-1");

      HttpResponse<String> made = a.json("POST", "/api/v1/developers/" + alice + "/ingest-tokens", "{\"name\":\"my laptop\"}", a.csrf());

      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      String personal = JSON.readTree(made.body()).get("token").asText();
      assertThat(send(s, personal, "bob@example.com", "p1", 40)).isEqualTo(200); // bob's email: alice's token
      assertThat(send(s, personal, "nobody@elsewhere.example", "p2", 2)).isEqualTo(200);
      assertThat(send(s, org, "bob@example.com", "o1", 7)).isEqualTo(200); // the organization token goes by attributes
      Map<String, Long> lines = linesByDeveloper(s);
      assertThat(lines).containsEntry("alice@example.com", 42L).containsEntry("bob@example.com", 7L);
      assertThat(lines).doesNotContainKey("unattributed");
      assertThat(unmatched(s)).isEmpty();
      JsonNode mine = JSON.readTree(a.get("/api/v1/developers/" + alice + "/ingest-tokens").body()).get("tokens");
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).get("kind").asText()).isEqualTo("personal");
      assertThat(mine.get(0).get("name").asText()).isEqualTo("my laptop");
      assertThat(mine.get(0).has("token")).isFalse();
      assertThat(token(s, UsageExports.tokenId(personal)).get("developerId").asLong()).isEqualTo(alice);

      assertThat(a.json("DELETE", "/api/v1/developers/" + alice + "/ingest-tokens/" + UsageExports.tokenId(personal), null, a.csrf())
          .statusCode()).isEqualTo(204);
      assertThat(send(s, personal, "bob@example.com", "p3", 1)).isEqualTo(401);
      assertThat(linesByDeveloper(s)).containsEntry("alice@example.com", 42L); // what it sent stays alice's
    }
  }

  @Test
  void personalTokens_onlyTheirDeveloperAndAdmins_mayMakeSeeOrRevokeThem() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long alice = OrgSetup.developer(s, "alice@example.com");
      long bob = OrgSetup.developer(s, "bob@example.com");
      OrgSetup.team(s, "Platform", null, "mia@example.com");
      OrgSetup.member(s, alice, "Platform", null);
      JsonNode byAdmin = JSON.readTree(s.json("POST", "/api/v1/developers/" + alice + "/ingest-tokens", "{}").body());
      String aliceToken = byAdmin.get("id").asText();
      assertThat(byAdmin.get("name").asText()).isEqualTo("personal");
      WebClient b = s.account("bob@example.com", "developer", "bob-password-12");
      WebClient m = s.account("mia@example.com", "manager", "mia-password-12");
      String path = "/api/v1/developers/" + alice + "/ingest-tokens";

      for (WebClient c : List.of(b, m)) {
        assertThat(c.json("POST", path, "{}", c.csrf()).statusCode()).isEqualTo(403);
        assertThat(c.get(path).statusCode()).isEqualTo(403);
        assertThat(c.json("DELETE", path + "/" + aliceToken, null, c.csrf()).statusCode()).isEqualTo(403);
        assertThat(c.get("/api/v1/ingest-tokens").statusCode()).isEqualTo(403);
        assertThat(c.json("POST", "/api/v1/ingest-tokens", "{\"name\":\"x\"}", c.csrf()).statusCode()).isEqualTo(403);
      }
      // bob's own route does not reach alice's token
      assertThat(b.json("DELETE", "/api/v1/developers/" + bob + "/ingest-tokens/" + aliceToken, null, b.csrf()).statusCode())
          .isEqualTo(404);
      assertThat(JSON.readTree(b.get("/api/v1/developers/" + bob + "/ingest-tokens").body()).get("tokens")).isEmpty();
      assertThat(token(s, aliceToken).get("state").asText()).isEqualTo("active");
      assertThat(s.json("GET", "/api/v1/developers/999999/ingest-tokens", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void dataRemoval_byAPersonalToken_removesWhatItSent() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long alice = OrgSetup.developer(s, "alice@example.com");
      String org = s.newIngestToken("laptops");
      String personal = JSON.readTree(s.json("POST", "/api/v1/developers/" + alice + "/ingest-tokens", "{}").body())
          .get("token").asText();
      assertThat(send(s, personal, "alice@example.com", "p", 40)).isEqualTo(200);
      assertThat(send(s, org, "alice@example.com", "o", 2)).isEqualTo(200);
      assertThat(linesByDeveloper(s)).containsEntry("alice@example.com", 42L);

      HttpResponse<String> r = s.json("POST", "/api/v1/data/removals", "{\"ingestToken\":\"" + UsageExports.tokenId(personal) + "\"}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(JSON.readTree(r.body()).get("telemetry").get("factGroups").asLong()).isEqualTo(1);
      assertThat(linesByDeveloper(s)).containsEntry("alice@example.com", 2L);
    }
  }

  @Test
  void sectionsWithoutJavaScript_redirectBack_andShowTheNewTokenOnce() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long alice = OrgSetup.developer(s, "alice@example.com");
      long bob = OrgSetup.developer(s, "bob@example.com");
      WebClient admin = new WebClient(s);
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      HttpResponse<String> made = admin.post("/integrations/claude-code/tokens", "name", "laptops", "csrf", admin.csrf());

      assertThat(made.statusCode()).isEqualTo(303);
      assertThat(made.headers().firstValue("Location")).hasValue("/integrations/claude-code#tokens");
      assertThat(made.headers().firstValue("Location").orElseThrow()).doesNotContain("tk_");
      String section = admin.get("/integrations/claude-code/tokens").body();
      String token = section.replaceAll("(?s).*<pre id=\"new-token\">([^<]+)</pre>.*", "$1");
      assertThat(token).startsWith("tk_");
      assertThat(send(s, token, "a", 1)).isEqualTo(200);
      assertThat(admin.get("/integrations/claude-code/tokens").body()).doesNotContain("new-token").contains("laptops");
      // htmx gets the section itself, with the rollout form's input out of band
      HttpResponse<String> viaHtmx = admin.header("HX-Request", "true").post("/integrations/claude-code/tokens", "name", "ci",
          "csrf", admin.csrf());
      assertThat(viaHtmx.statusCode()).isEqualTo(200);
      assertThat(viaHtmx.body()).contains("id=\"new-token\"").contains("id=\"rollout-token\"").contains("hx-swap-oob=\"true\"");

      WebClient a = s.account("alice@example.com", "developer", "alice-password-1");
      assertThat(a.post("/developers/" + alice + "/ingest-tokens", "name", "mine", "csrf", a.csrf()).headers()
          .firstValue("Location")).hasValue("/developers/" + alice + "#personal-tokens");
      assertThat(a.get("/developers/" + alice + "/ingest-tokens").body()).contains("id=\"new-token\"").doesNotContain("rollout-token");
      assertThat(a.get("/developers/" + bob + "/ingest-tokens").statusCode()).isEqualTo(403);
      assertThat(a.get("/integrations/claude-code/tokens").statusCode()).isEqualTo(403);
      assertThat(a.post("/developers/" + bob + "/ingest-tokens", "name", "x", "csrf", a.csrf()).statusCode()).isEqualTo(403);
    }
  }

  private static int send(TestServer s, String token, String session, long lines) throws Exception {
    return send(s, token, "dev@example.com", session, lines);
  }

  static int send(TestServer s, String token, String email, String session, long lines) throws Exception {
    long at = DAY.atTime(10, 0).toEpochSecond(ZoneOffset.UTC) + lines; // distinct content per call
    return UsageExports.post(s, token, "metrics", UsageExports.metrics(email, session, at, new Usage(lines, 0.5, 100))).statusCode();
  }

  static JsonNode list(TestServer s) throws Exception {
    HttpResponse<String> r = s.json("GET", "/api/v1/ingest-tokens", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("tokens");
  }

  static JsonNode token(TestServer s, String id) throws Exception {
    for (JsonNode t : list(s)) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no token " + id + " in " + list(s));
  }

  private static Map<String, Long> linesByDeveloper(TestServer s) throws Exception {
    Map<String, Long> out = new java.util.HashMap<>();
    s.report(FROM, TO, "developer").get("rows").forEach(r -> out.put(r.get("key").asText(), r.get("aiLinesAdded").asLong()));
    return out;
  }

  private static List<String> unmatched(TestServer s) throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(s.json("GET", "/api/v1/identities/unmatched", null).body()).get("unmatched")
        .forEach(u -> out.add(u.get("value").asText()));
    return out;
  }

  private static void assertBad(HttpResponse<String> r, String message) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"" + message + "\"}");
  }
}
