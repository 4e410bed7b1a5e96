package dev.yardstick.web;

import static dev.yardstick.web.TeamHistoryContract.JSON;
import static dev.yardstick.web.TeamHistoryContract.expect;
import static dev.yardstick.web.TeamHistoryContract.noon;
import static dev.yardstick.web.TeamHistoryContract.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Teams and the JSON identity endpoints over real HTTP, with exact bodies, on every database. */
abstract class PeopleApiContract extends OnEveryDatabase {
  @Test
  void teams_nestWithManagers_refuseBadInputWithoutKeepingAnything_andManagersSeeTheirOwn() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long eng = created(s.json("POST", "/api/v1/teams", "{\"name\":\"Engineering\",\"managers\":[\"Head@Example.com\"]}"),
          "{\"name\":\"Engineering\",\"parent\":null,\"managers\":[\"head@example.com\"]}");
      long platform = created(s.json("POST", "/api/v1/teams", "{\"name\":\"Platform\",\"parent\":\"engineering\","
          + "\"managers\":[\"lead@example.com\"]}"), "{\"name\":\"Platform\",\"parent\":\"Engineering\",\"managers\":[\"lead@example.com\"]}");
      long mobile = created(s.json("POST", "/api/v1/teams", "{\"name\":\"Mobile\",\"parent\":\"Platform\"}"),
          "{\"name\":\"Mobile\",\"parent\":\"Platform\",\"managers\":[]}");
      expect(s.json("POST", "/api/v1/teams", "{\"name\":\"platform\",\"managers\":[\"second@example.com\"]}"), 200,
          "{\"id\":" + platform + ",\"name\":\"Platform\",\"parent\":\"Engineering\",\"managers\":[\"lead@example.com\",\"second@example.com\"]}");

      badRequest(s, "{}", "\\\"name\\\" is required and must be a non-empty string");
      badRequest(s, "{\"name\":\"Ghost\",\"parent\":\"Nowhere\"}", "no team named Nowhere");
      badRequest(s, "{\"name\":\"Ghost\",\"managers\":[\"lead@example.com\",\"not-an-email\"]}",
          "manager \\\"not-an-email\\\" is not an email address");
      badRequest(s, "{\"name\":\"Ghost\",\"managers\":\"lead@example.com\"}", "\\\"managers\\\" must be a list of email addresses");
      badRequest(s, "{\"name\":\"Ghost\",\"managers\":[7]}", "\\\"managers\\\" must be a list of email addresses");
      badRequest(s, "{\"name\":\"Engineering\",\"parent\":\"Mobile\"}", "team Engineering cannot be put under Mobile, which is under it");
      badRequest(s, "{\"name\":\"Mobile\",\"parent\":\"mobile\"}", "team Mobile cannot be put under itself");
      badRequest(s, "{\"name\":\"" + "x".repeat(201) + "\"}", "\\\"name\\\" is longer than 200 characters");
      String mobileJson = "{\"id\":" + mobile + ",\"name\":\"Mobile\",\"parent\":\"Platform\",\"managers\":[]}";
      String platformJson = "{\"id\":" + platform + ",\"name\":\"Platform\",\"parent\":\"Engineering\","
          + "\"managers\":[\"lead@example.com\",\"second@example.com\"]}";
      expect(s.json("GET", "/api/v1/teams", null), 200, "{\"teams\":[{\"id\":" + eng + ",\"name\":\"Engineering\",\"parent\":null,"
          + "\"managers\":[\"head@example.com\"]}," + mobileJson + "," + platformJson + "]}");

      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"pat@example.com\",\"team\":\"Platform\"}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"mo@example.com\",\"team\":\"Mobile\"}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"eng@example.com\",\"team\":\"Engineering\"}"), 201);
      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");
      HttpResponse<String> leadTeams = lead.json("GET", "/api/v1/teams", null, null);
      HttpResponse<String> leadDevelopers = lead.json("GET", "/api/v1/developers", null, null);
      WebClient pat = s.account("pat@example.com", "developer", "pat-password-1234");

      expect(leadTeams, 200, "{\"teams\":[" + mobileJson + "," + platformJson + "]}");
      assertThat(JSON.readTree(leadDevelopers.body()).findValuesAsText("email")).containsExactly("mo@example.com", "pat@example.com");
      HttpResponse<String> leadCreates = lead.json("POST", "/api/v1/teams", "{\"name\":\"Shadow\"}", lead.csrf());
      HttpResponse<String> patReads = pat.json("GET", "/api/v1/teams", null, null);
      expect(leadCreates, 403, "{\"error\":\"forbidden\",\"message\":\"a manager may not call POST /api/v1/teams\"}");
      expect(patReads, 403, "{\"error\":\"forbidden\",\"message\":\"a developer may not call GET /api/v1/teams\"}");
      assertThat(s.json("GET", "/api/v1/teams", null).body()).doesNotContain("Shadow");
    }
  }

  @Test
  void identityEndpoints_listLinkIgnoreAndCreate_withExactBodies() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"jane@example.com\",\"name\":\"Jane\"}"), 201);
      long jane = ITIdentityResolution.developerId(s, "jane@example.com");
      ITIdentityResolution.post(s, token, ITIdentityResolution.export("Jane.Doe@Gmail.com", "u-77", "s1", noon(3), 2));
      ITIdentityResolution.post(s, token, ITIdentityResolution.export(null, "u-anon", "s2", noon(2), 1));
      ITIdentityResolution.post(s, token, ITIdentityResolution.export("stranger@example.com", null, "s3", noon(1), 4));

      expect(s.json("GET", "/api/v1/identities/unmatched", null), 200, "{\"unmatched\":["
          + entry("email", "jane.doe@gmail.com", 3, "{\"action\":\"create\",\"developerId\":null,\"email\":\"jane.doe@gmail.com\","
              + "\"reason\":\"no developer has this email yet\"},{\"action\":\"link\",\"developerId\":" + jane + ","
              + "\"email\":\"jane@example.com\",\"reason\":\"the name before the @ starts like jane@example.com\"}") + ","
          + entry("email", "stranger@example.com", 1, "{\"action\":\"create\",\"developerId\":null,\"email\":\"stranger@example.com\","
              + "\"reason\":\"no developer has this email yet\"}") + ","
          + entry("user_id", "u-anon", 2, "") + "]}");

      HttpResponse<String> linked = s.json("POST", "/api/v1/identities/link",
          "{\"kind\":\"email\",\"value\":\"Jane.Doe@Gmail.com\",\"developerId\":" + jane + "}");
      expect(linked, 201, "{\"id\":" + JSON.readTree(linked.body()).get("id").asLong() + ",\"kind\":\"email\","
          + "\"value\":\"jane.doe@gmail.com\",\"evidence\":\"linked by api token bootstrap\",\"automatic\":false}");
      expect(s.json("POST", "/api/v1/identities/link", "{\"kind\":\"email\",\"value\":\"jane.doe@gmail.com\",\"developerId\":" + jane + "}"),
          409, "{\"error\":\"conflict\",\"message\":\"email jane.doe@gmail.com is already linked to a developer\"}");
      expect(s.json("POST", "/api/v1/identities/link", "{\"kind\":\"user_id\",\"value\":\"u-anon\",\"developerId\":999999}"), 404,
          "{\"error\":\"not_found\",\"message\":\"no developer 999999\"}");
      expect(s.json("POST", "/api/v1/identities/link", "{\"kind\":\"user_id\",\"value\":\"u-anon\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"\\\"developerId\\\" is required and must be a number\"}");
      expect(s.json("POST", "/api/v1/identities/link", "{\"kind\":\"nickname\",\"value\":\"u-anon\",\"developerId\":" + jane + "}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"kind must be one of email, account_uuid, account_id, user_id, service_name,"
              + " api_key_name, git_email (got \\\"nickname\\\")\"}");
      expect(s.json("POST", "/api/v1/identities/ignore", "{\"kind\":\"user_id\",\"value\":\"u-anon\"}"), 204, "");
      expect(s.json("POST", "/api/v1/identities/create-developer", "{\"kind\":\"user_id\",\"value\":\"u-77\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"only an email identifier can become a developer; link user_id instead\"}");
      HttpResponse<String> stranger = s.json("POST", "/api/v1/identities/create-developer",
          "{\"kind\":\"email\",\"value\":\"Stranger@Example.com\",\"name\":\"Stranger\"}");
      expect(stranger, 201, "{\"id\":" + JSON.readTree(stranger.body()).get("id").asLong()
          + ",\"email\":\"stranger@example.com\",\"name\":\"Stranger\",\"team\":null,\"activeFrom\":null,\"activeTo\":null}");
      expect(s.json("GET", "/api/v1/identities/unmatched", null), 200, "{\"unmatched\":[]}");

      Map<String, com.fasterxml.jackson.databind.JsonNode> developers = rows(s, TeamHistoryContract.TODAY.minusDays(5),
          TeamHistoryContract.TODAY, "developer");
      assertThat(developers.get("jane@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(developers.get("stranger@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(4);
      assertThat(developers.get("unattributed").get("commitsByClaudeCode").asLong()).isEqualTo(1); // ignored, still counted
    }
  }

  /** An unmatched entry seen only in one telemetry export, {@code daysAgo} at noon. */
  private static String entry(String kind, String value, int daysAgo, String suggestions) {
    String seen = Instant.ofEpochSecond(noon(daysAgo)).toString();
    return "{\"kind\":\"" + kind + "\",\"value\":\"" + value + "\",\"sources\":[\"telemetry\"],\"firstSeen\":\"" + seen
        + "\",\"lastSeen\":\"" + seen + "\",\"volume\":0,\"clientVersions\":[],\"terminals\":[],"
        + "\"suggestions\":[" + suggestions + "]}";
  }

  private static long created(HttpResponse<String> r, String rest) throws Exception {
    long id = JSON.readTree(r.body()).path("id").asLong();
    expect(r, 201, "{\"id\":" + id + "," + rest.substring(1));
    return id;
  }

  private static void badRequest(TestServer s, String body, String message) throws Exception {
    expect(s.json("POST", "/api/v1/teams", body), 400, "{\"error\":\"bad_request\",\"message\":\"" + message + "\"}");
  }
}
