package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Identities resolved when read: linking later moves the past, unlinking moves it back; nothing is dropped. */
class ITIdentityResolution {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void userIdOnlyTelemetry_linkedLater_movesThePastToTheDeveloper_andBackWhenUnlinked() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      String token = server.newIngestToken("laptops");
      post(server, token, export(null, "u-anon-1", "s1", 1_795_000_000L, 3));
      server.developer("jane@example.com");
      assertThat(row(server, "unattributed").get("commitsByClaudeCode").asLong()).isEqualTo(3);

      JsonNode unmatched = JSON.readTree(server.send(server.api("/api/v1/identities/unmatched").GET()).body()).get("unmatched");
      assertThat(unmatched).anySatisfy(e -> {
        assertThat(e.get("kind").asText()).isEqualTo("user_id");
        assertThat(e.get("value").asText()).isEqualTo("u-anon-1");
      });
      long jane = developerId(server, "jane@example.com");
      HttpResponse<String> linked = server.send(server.api("/api/v1/developers/" + jane + "/aliases")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"user_id\",\"value\":\"u-anon-1\"}")));
      assertThat(linked.statusCode()).isEqualTo(201);

      assertThat(row(server, "jane@example.com").get("commitsByClaudeCode").asLong())
          .as(server.report("2026-01-01", "2027-12-31", "developer").toString()).isEqualTo(3);
      assertThat(rowOrNull(server, "unattributed")).isNull();

      long alias = JSON.readTree(linked.body()).get("id").asLong();
      assertThat(server.send(server.api("/api/v1/developers/" + jane + "/aliases/" + alias).DELETE()).statusCode()).isEqualTo(204);
      assertThat(row(server, "unattributed").get("commitsByClaudeCode").asLong()).isEqualTo(3);
      assertThat(row(server, "jane@example.com").get("commitsByClaudeCode").isNull()).isTrue();
    }
  }

  @Test
  void userIdSeenWithAKnownEmail_isLinkedAutomatically_withEvidence() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      String token = server.newIngestToken("laptops");
      server.developer("omar@example.com");
      post(server, token, export("omar@example.com", "u-omar", "s1", 1_795_000_000L, 1)); // OAuth sign-in: email and user.id
      post(server, token, export(null, "u-omar", "s2", 1_795_003_600L, 2)); // an API-key session: only the user.id

      server.send(server.api("/api/v1/identities/unmatched").GET()); // the queue links what is safe first
      JsonNode aliases = JSON.readTree(server.send(server.api("/api/v1/developers/" + developerId(server, "omar@example.com")).GET())
          .body()).get("aliases");

      assertThat(aliases).anySatisfy(a -> {
        assertThat(a.get("kind").asText()).isEqualTo("user_id");
        assertThat(a.get("automatic").asBoolean()).isTrue();
        assertThat(a.get("evidence").asText()).contains("user.id u-omar arrived with email omar@example.com");
      });
      assertThat(row(server, "omar@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(3);
    }
  }

  @Test
  void teamReport_countsEachDayForTheTeamOfThatDay_andUnknownDataStaysInTheTotal() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2(), java.util.Map.of("YARDSTICK_MIN_GROUP_SIZE", "1"))) {
      String token = server.newIngestToken("laptops");
      server.developer("jane@example.com");
      long jane = developerId(server, "jane@example.com");
      team(server, jane, "Platform", "2026-11-01");
      team(server, jane, "Payments", "2026-11-10");
      post(server, token, export("jane@example.com", null, "s1", 1_793_880_000L, 2)); // 2026-11-05: in Platform
      post(server, token, export("jane@example.com", null, "s2", 1_795_176_000L, 1)); // 2026-11-20: in Payments
      post(server, token, export("stranger@example.com", null, "s3", 1_795_176_000L, 4)); // no developer yet

      JsonNode teams = server.report("2026-11-01", "2026-11-30", "team").get("rows");
      JsonNode org = server.report("2026-11-01", "2026-11-30", "org").get("rows").get(0);

      assertThat(org.get("commitsByClaudeCode").asLong()).isEqualTo(7);
      assertThat(find(teams, "Platform").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(find(teams, "Payments").get("commitsByClaudeCode").asLong()).isEqualTo(1);
      assertThat(find(teams, "unattributed").get("commitsByClaudeCode").asLong()).isEqualTo(4);
    }
  }

  private static void team(TestServer server, long developer, String team, String from) throws Exception {
    assertThat(server.send(server.api("/api/v1/developers/" + developer + "/team").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"team\":\"" + team + "\",\"from\":\"" + from + "\"}"))).statusCode()).isEqualTo(204);
  }

  static long developerId(TestServer server, String email) throws Exception {
    for (JsonNode d : JSON.readTree(server.send(server.api("/api/v1/developers").GET()).body()).get("developers")) {
      if (d.get("email").asText().equals(email)) {
        return d.get("id").asLong();
      }
    }
    throw new AssertionError("no developer " + email);
  }

  private static JsonNode row(TestServer server, String key) throws Exception {
    JsonNode r = rowOrNull(server, key);
    if (r == null) {
      throw new AssertionError("no row " + key);
    }
    return r;
  }

  private static JsonNode rowOrNull(TestServer server, String key) throws Exception {
    return find(server.report("2026-01-01", "2027-12-31", "developer").get("rows"), key);
  }

  private static JsonNode find(JsonNode rows, String key) {
    for (JsonNode r : rows) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    return null;
  }

  static void post(TestServer server, String token, String body) throws Exception {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(r.statusCode()).isEqualTo(200);
  }

  /** A commit.count export with the given identity attributes at a second. */
  static String export(String email, String userId, String session, long epochSecond, int commits) {
    StringBuilder attrs = new StringBuilder("{\"key\":\"session.id\",\"value\":{\"stringValue\":\"" + session + "\"}}");
    if (email != null) {
      attrs.append(",{\"key\":\"user.email\",\"value\":{\"stringValue\":\"").append(email).append("\"}}");
    }
    if (userId != null) {
      attrs.append(",{\"key\":\"user.id\",\"value\":{\"stringValue\":\"").append(userId).append("\"}}");
    }
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"claude-code\"}}]},"
        + "\"scopeMetrics\":[{\"metrics\":[{\"name\":\"claude_code.commit.count\",\"sum\":{\"aggregationTemporality\":1,"
        + "\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":[" + attrs + "],\"startTimeUnixNano\":\"" + (epochSecond - 60)
        + "000000000\",\"timeUnixNano\":\"" + epochSecond + "000000000\",\"asDouble\":" + commits + "}]}}]}]}]}";
  }
}
