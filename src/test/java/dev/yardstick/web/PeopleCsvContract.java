package dev.yardstick.web;

import static dev.yardstick.web.TeamHistoryContract.JSON;
import static dev.yardstick.web.TeamHistoryContract.TODAY;
import static dev.yardstick.web.TeamHistoryContract.commits;
import static dev.yardstick.web.TeamHistoryContract.expect;
import static dev.yardstick.web.TeamHistoryContract.membershipIds;
import static dev.yardstick.web.TeamHistoryContract.noon;
import static dev.yardstick.web.TeamHistoryContract.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk import and export of developers as CSV through the API, on every database. */
abstract class PeopleCsvContract extends OnEveryDatabase {
  static final String HEADER = "email,name,team,team_since,parent_team,manager\r\n";
  private static final String CSV = """
      email,name,team,manager
      Jane@Example.com,Jane Doe,Platform,lead@example.com
      omar@example.com,"Omar, the second",Payments,
      not-an-email,Nobody,Platform,
      """;

  static HttpResponse<String> importCsv(TestServer s, String csv) throws Exception {
    return s.send(s.api("/api/v1/developers/import").header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  static String exportCsv(TestServer s) throws Exception {
    HttpResponse<String> r = s.send(s.api("/api/v1/developers/export").GET());
    expect(r, 200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    return r.body();
  }

  @Test
  void import_createsDevelopersTeamsAndManagers_andExportGivesThemBack() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      expect(importCsv(s, CSV), 200, "{\"created\":2,\"updated\":0,\"teamsCreated\":2,\"errors\":"
          + "[\"line 4: \\\"not-an-email\\\" is not an email address\"]}");
      expect(importCsv(s, CSV.replace("Jane Doe", "Jane D.")), 200, "{\"created\":0,\"updated\":1,\"teamsCreated\":0,\"errors\":"
          + "[\"line 4: \\\"not-an-email\\\" is not an email address\"]}");

      assertThat(exportCsv(s)).isEqualTo(HEADER + "jane@example.com,Jane D.,Platform,,,lead@example.com\r\n"
          + "omar@example.com,\"Omar, the second\",Payments,,,\r\n");
      assertThat(s.json("GET", "/api/v1/teams", null).body()).contains("\"managers\":[\"lead@example.com\"]");
    }
  }

  @Test
  void teamSinceAndParentTeam_dateTheMembershipAndNestTheTeam_andAnExportReadsBackUnchanged() throws Exception {
    try (TestServer s = TestServer.start(target, Map.of("YARDSTICK_MIN_GROUP_SIZE", "1"))) {
      String token = s.newIngestToken("laptops");
      commits(s, token, "ann@example.com", 20, 2);
      commits(s, token, "bob@example.com", 20, 3);
      String csv = "email,name,team,team_since,parent_team,manager\n"
          + "ann@example.com,Ann,Platform,,Engineering,lead@example.com\n"
          + "bob@example.com,Bob,Payments," + TODAY.minusDays(10) + ",Engineering,\n"
          + "cid@example.com,Cid,Platform,not-a-date,,\n"
          + "dan@example.com,Dan,,2026-01-01,,\n"
          + "eve@example.com,Eve,Engineering,,Platform,\n"
          + "fay@example.com,Fay,Platform,,,not-an-email\n"
          + "gus@example.com,Gus,,,Engineering,\n";

      expect(importCsv(s, csv), 200, "{\"created\":2,\"updated\":0,\"teamsCreated\":3,\"errors\":["
          + "\"line 4: team_since \\\"not-a-date\\\" is not a date as YYYY-MM-DD\","
          + "\"line 5: team_since needs a team\","
          + "\"line 6: team Engineering cannot be put under Platform, which is under it\","
          + "\"line 7: manager \\\"not-an-email\\\" is not an email address\","
          + "\"line 8: parent_team needs a team\"]}");
      Map<String, JsonNode> teams = rows(s, TODAY.minusDays(30), TODAY, "team");
      String export = exportCsv(s);
      long bob = ITIdentityResolution.developerId(s, "bob@example.com");
      long[] bobsMemberships = membershipIds(s, bob);

      assertThat(teams.get("Platform").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(teams.get("Engineering").get("commitsByClaudeCode").asLong()).isEqualTo(2);
      assertThat(teams.get("(no team)").get("commitsByClaudeCode").asLong()).isEqualTo(3); // Bob's day before his team_since
      assertThat(teams.get("Payments").get("commitsByClaudeCode").isNull()).isTrue();
      assertThat(export).isEqualTo(HEADER + "ann@example.com,Ann,Platform,,Engineering,lead@example.com\r\n"
          + "bob@example.com,Bob,Payments," + TODAY.minusDays(10) + ",Engineering,\r\n");
      expect(importCsv(s, export), 200, "{\"created\":0,\"updated\":0,\"teamsCreated\":0,\"errors\":[]}");
      assertThat(membershipIds(s, bob)).containsExactly(bobsMemberships);
      assertThat(exportCsv(s)).isEqualTo(export);

      expect(importCsv(s, "email,team,team_since\nbob@example.com,Payments," + TODAY.minusDays(25) + "\n"
          + "ann@example.com,Platform," + TODAY.minusDays(5) + "\n"), 200, "{\"created\":0,\"updated\":2,\"teamsCreated\":0,\"errors\":[]}");
      Map<String, JsonNode> moved = rows(s, TODAY.minusDays(30), TODAY, "team");
      assertThat(moved.get("Payments").get("commitsByClaudeCode").asLong()).isEqualTo(3);
      assertThat(moved.get("(no team)").get("commitsByClaudeCode").asLong()).isEqualTo(2); // Ann's day before her new team_since
      assertThat(membershipIds(s, bob)).containsExactly(bobsMemberships);
    }
  }

  @Test
  void formulas_areNeutralisedInTheExport_andTheExportReadsBackToTheSameValues() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      ITIdentityResolution.post(s, token, ITIdentityResolution.export("=2+5@example.com", null, "s1", noon(2), 1));
      expect(s.json("POST", "/api/v1/identities/create-developer", "{\"kind\":\"email\",\"value\":\"=2+5@example.com\","
          + "\"name\":\"@SUM(1+1)\"}"), 201);
      expect(s.json("POST", "/api/v1/teams", "{\"name\":\"=1+2\",\"managers\":[\"-lead@example.com\"]}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"+1@example.com\",\"name\":\"-2+3\",\"team\":\"=1+2\"}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"neg@example.com\",\"name\":\"-5\"}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"plain@example.com\",\"name\":\"'tis plain\"}"), 201);
      expect(s.json("POST", "/api/v1/developers", "{\"email\":\"quote@example.com\",\"name\":\"'=already quoted\"}"), 201);
      String developers = s.json("GET", "/api/v1/developers", null).body();

      String export = exportCsv(s);

      assertThat(export).isEqualTo(HEADER
          + "\"'+1@example.com\",\"'-2+3\",\"'=1+2\",,,\"'-lead@example.com\"\r\n"
          + "\"'=2+5@example.com\",\"'@SUM(1+1)\",,,,\r\n"
          + "neg@example.com,-5,,,,\r\n"
          + "plain@example.com,'tis plain,,,,\r\n"
          + "quote@example.com,\"''=already quoted\",,,,\r\n");
      expect(importCsv(s, export), 200, "{\"created\":0,\"updated\":0,\"teamsCreated\":0,\"errors\":[]}");
      assertThat(s.json("GET", "/api/v1/developers", null).body()).isEqualTo(developers);
      assertThat(exportCsv(s)).isEqualTo(export);
    }
  }

  @Test
  void import_ofASpreadsheetsUtf8File_withByteOrderMarkCrlfAndQuotedCells_readsEveryCell() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String csv = "\uFEFFemail,name,team\r\n"
          + "jurgen@example.com,\"M\u00fcller, J\u00fcrgen \"\"Jo\"\"\",\u00c5lesund\r\n"
          + "kenji@example.com,\"\u5c71\u7530\r\n\u5065\u4e8c\",\u00c5lesund\r\n";

      expect(importCsv(s, csv), 200, "{\"created\":2,\"updated\":0,\"teamsCreated\":1,\"errors\":[]}");

      assertThat(exportCsv(s)).isEqualTo(HEADER
          + "jurgen@example.com,\"M\u00fcller, J\u00fcrgen \"\"Jo\"\"\",\u00c5lesund,,,\r\n"
          + "kenji@example.com,\"\u5c71\u7530\r\n\u5065\u4e8c\",\u00c5lesund,,,\r\n");
    }
  }
}
