package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.auth.Tokens;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/claude-code/config over real HTTP: the blocks for an active token of the caller's organization only. */
abstract class ClaudeCodeConfigContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  // http: an https public URL would make the session cookie Secure, which the test client does not send over http
  static final Map<String, String> PUBLIC = Map.of("YARDSTICK_PUBLIC_URL", "http://yardstick.internal:8080/");

  static String body(String provider, String token, String identity, String email) {
    return "{\"provider\":\"" + provider + "\",\"token\":\"" + token + "\",\"identity\":\"" + identity + "\""
        + (email == null ? "" : ",\"email\":\"" + email + "\"") + ",\"variables\":{\"AWS_REGION\":\"eu-west-1\"}}";
  }

  @Test
  void activeToken_answersEveryBlock_withTheTokenAndThePublicUrl() throws Exception {
    try (TestServer s = TestServer.start(target, PUBLIC)) {
      String token = s.newIngestToken("laptops");

      HttpResponse<String> r = s.json("POST", "/api/v1/claude-code/config", body("bedrock", token, "headers-helper", null));

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode c = JSON.readTree(r.body());
      assertThat(c.properties().stream().map(Map.Entry::getKey))
          .containsExactly("userSettings", "managedSettings", "shell", "headersHelper", "notes");
      JsonNode user = JSON.readTree(c.get("userSettings").asText());
      assertThat(user.at("/env/OTEL_EXPORTER_OTLP_HEADERS").asText()).isEqualTo("Authorization=Bearer " + token);
      assertThat(user.at("/env/OTEL_EXPORTER_OTLP_ENDPOINT").asText()).isEqualTo("http://yardstick.internal:8080/otel");
      assertThat(user.at("/env/AWS_REGION").asText()).isEqualTo("eu-west-1");
      assertThat(user.at("/env/CLAUDE_CODE_USE_BEDROCK").asText()).isEqualTo("1");
      assertThat(user.get("otelHeadersHelper").asText()).isEqualTo(c.at("/headersHelper/path").asText());
      assertThat(c.at("/headersHelper/script").asText()).startsWith("#!/bin/sh\n");
      assertThat(c.get("shell").asText()).contains("export OTEL_EXPORTER_OTLP_HEADERS='Authorization=Bearer " + token + "'\n");
      assertThat(c.get("notes").isArray()).isTrue();
      // the secret fills the text and is not stored: the database holds only its hash
      String secret = token.substring(token.indexOf(":sk_") + 4);
      assertThat(s.queryOne("SELECT COUNT(*) FROM ingest_tokens WHERE secret_sha256 = '" + Tokens.sha256(secret) + "'")).isEqualTo("1");

      JsonNode none = JSON.readTree(s.json("POST", "/api/v1/claude-code/config", body("anthropic", token, "none", null)).body());
      assertThat(none.get("headersHelper").isNull()).isTrue();
    }
  }

  @Test
  void unknownWrongSecretRevokedForeignOrMalformedToken_is400NamingTheProblem() throws Exception {
    try (TestServer s = TestServer.start(target, PUBLIC)) {
      String token = s.newIngestToken("laptops");
      String revoked = s.newIngestToken("old");
      assertThat(s.json("DELETE", "/api/v1/ingest-tokens/" + revoked.substring(3, revoked.indexOf(':')), null).statusCode())
          .isEqualTo(204);
      Tokens.NewIngestToken foreign = Tokens.newIngestToken();
      try (Database db = new Database(target.url(), target.user(), target.password(), 2)) {
        db.start();
        long other = new OrgStore(db).create("Other", ZoneId.of("UTC"), Instant.now());
        new TokenStore(db).createIngestToken(other, foreign.id(), "theirs", foreign.secretSha256(), Instant.now());
      }
      String wrongSecret = token.substring(0, token.indexOf(":sk_") + 4) + "A".repeat(43);

      expect400(s, Tokens.newIngestToken().token(), "unknown ingest token");
      expect400(s, wrongSecret, "unknown ingest token");
      expect400(s, revoked, "that ingest token was revoked");
      expect400(s, foreign.token(), "not a token of this organization");
      expect400(s, "sk-ant-api-nonsense", "must be a whole ingest token");
      expect400(s, "", "\"token\" is required");
      HttpResponse<String> noEmail = s.json("POST", "/api/v1/claude-code/config", body("vertex", token, "service-name", null));
      assertThat(noEmail.statusCode()).isEqualTo(400);
      assertThat(noEmail.body()).contains("\\\"email\\\" is required");
      assertThat(s.json("POST", "/api/v1/claude-code/config", body("azure", token, "none", null)).body())
          .contains("provider");
    }
  }

  @Test
  void aDeveloper_getsAServiceNameForTheirOwnEmailOnly() throws Exception {
    try (TestServer s = TestServer.start(target, PUBLIC)) {
      String token = s.newIngestToken("laptops");
      WebClient dev = s.account("dev@example.com", "developer", "dev-password-1234");
      String csrf = dev.csrf();

      HttpResponse<String> other = dev.json("POST", "/api/v1/claude-code/config", body("bedrock", token, "service-name", "boss@example.com"), csrf);
      HttpResponse<String> own = dev.json("POST", "/api/v1/claude-code/config", body("bedrock", token, "service-name", "Dev@example.com"), csrf);
      HttpResponse<String> anonymous = new WebClient(s).json("POST", "/api/v1/claude-code/config", body("bedrock", token, "none", null), null);

      assertThat(other.statusCode()).isEqualTo(403);
      assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
      assertThat(JSON.readTree(JSON.readTree(own.body()).get("userSettings").asText()).at("/env/OTEL_SERVICE_NAME").asText())
          .isEqualTo("Dev@example.com");
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aRotatedToken_worksDuringItsGrace_andIs400After() throws Exception {
    dev.yardstick.testing.TestClock clock = new dev.yardstick.testing.TestClock();
    try (TestServer s = TestServer.start(target, PUBLIC, clock)) {
      String old = s.newIngestToken("laptops");
      HttpResponse<String> rotated = s.json("POST", "/api/v1/ingest-tokens/" + old.substring(3, old.indexOf(':')) + "/rotate",
          "{\"graceHours\":1}");
      assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
      String fresh = JSON.readTree(rotated.body()).get("token").asText();

      assertThat(s.json("POST", "/api/v1/claude-code/config", body("anthropic", old, "none", null)).statusCode()).isEqualTo(200);
      clock.advance(java.time.Duration.ofMinutes(61));

      expect400(s, old, "that ingest token was rotated and stopped working at");
      assertThat(s.json("POST", "/api/v1/claude-code/config", body("anthropic", fresh, "none", null)).statusCode()).isEqualTo(200);
    }
  }

  private static void expect400(TestServer s, String token, String message) throws Exception {
    HttpResponse<String> r = s.json("POST", "/api/v1/claude-code/config", body("anthropic", token, "none", null));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("message").asText()).contains(message);
  }
}
