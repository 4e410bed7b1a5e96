package dev.yardstick.web;

import static dev.yardstick.web.TeamHistoryContract.JSON;
import static dev.yardstick.web.TeamHistoryContract.expect;

import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import org.junit.jupiter.api.Test;

/** PATCH /api/v1/teams/{id} and /api/v1/developers/{id} (what the people pages also do), exact bodies, on every database. */
abstract class PeopleEditsContract extends OnEveryDatabase {
  @Test
  void teams_renameMoveAndReplaceManagers_refusingClashesAndCycles() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long eng = id(s.json("POST", "/api/v1/teams", "{\"name\":\"Engineering\"}"));
      long pay = id(s.json("POST", "/api/v1/teams", "{\"name\":\"Payments\",\"managers\":[\"a@example.com\",\"b@example.com\"]}"));
      long web = id(s.json("POST", "/api/v1/teams", "{\"name\":\"Web\",\"parent\":\"Payments\"}"));

      expect(s.json("PATCH", "/api/v1/teams/" + pay, "{\"name\":\"Payments Core\",\"parent\":\"engineering\",\"managers\":[\"C@Example.com\"]}"),
          200, "{\"id\":" + pay + ",\"name\":\"Payments Core\",\"parent\":\"Engineering\",\"managers\":[\"c@example.com\"]}");
      expect(s.json("PATCH", "/api/v1/teams/" + web, "{\"parent\":null}"), 200,
          "{\"id\":" + web + ",\"name\":\"Web\",\"parent\":null,\"managers\":[]}");
      expect(s.json("PATCH", "/api/v1/teams/" + web, "{\"name\":\"payments core\"}"), 409,
          "{\"error\":\"conflict\",\"message\":\"a team named Payments Core exists\"}");
      expect(s.json("PATCH", "/api/v1/teams/" + eng, "{\"parent\":\"Payments Core\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"team Engineering cannot be put under Payments Core, which is under it\"}");
      expect(s.json("PATCH", "/api/v1/teams/" + pay, "{\"managers\":[\"nobody\"]}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"manager \\\"nobody\\\" is not an email address\"}");
      expect(s.json("PATCH", "/api/v1/teams/999999", "{\"name\":\"X\"}"), 404, "{\"error\":\"not_found\",\"message\":\"no team 999999\"}");
      expect(s.json("GET", "/api/v1/teams", null), 200, "{\"teams\":[{\"id\":" + eng + ",\"name\":\"Engineering\",\"parent\":null,"
          + "\"managers\":[]},{\"id\":" + pay + ",\"name\":\"Payments Core\",\"parent\":\"Engineering\",\"managers\":[\"c@example.com\"]},"
          + "{\"id\":" + web + ",\"name\":\"Web\",\"parent\":null,\"managers\":[]}]}");
    }
  }

  @Test
  void developers_correctEmailNameAndActiveDays_deactivation_andOnlyAdminsMayChange() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      long jane = id(s.json("POST", "/api/v1/developers", "{\"email\":\"jane@example.com\",\"name\":\"Jane\"}"));
      id(s.json("POST", "/api/v1/developers", "{\"email\":\"omar@example.com\"}"));
      String path = "/api/v1/developers/" + jane;

      expect(s.json("PATCH", path, "{\"email\":\"Jane.Doe@Example.com\",\"activeTo\":\"2026-10-31\"}"), 200, "{\"id\":" + jane
          + ",\"email\":\"jane.doe@example.com\",\"name\":\"Jane\",\"team\":null,\"activeFrom\":null,\"activeTo\":\"2026-10-31\"}");
      expect(s.json("PATCH", path, "{\"email\":\"omar@example.com\"}"), 409,
          "{\"error\":\"conflict\",\"message\":\"a developer with email omar@example.com exists\"}");
      expect(s.json("PATCH", path, "{\"activeFrom\":\"2026-11-01\"}"), 400,
          "{\"error\":\"bad_request\",\"message\":\"active to (2026-10-31) is before active from (2026-11-01)\"}");
      expect(s.json("PATCH", path, "{\"team\":\"Web\"}"), 400, "{\"error\":\"bad_request\",\"message\":\"a developer's \\\"team\\\""
          + " cannot be changed here (email, name, activeFrom, activeTo); teams and aliases have their own routes\"}");
      expect(s.json("PATCH", path, "{\"activeTo\":null,\"name\":\"\"}"), 200, "{\"id\":" + jane
          + ",\"email\":\"jane.doe@example.com\",\"name\":\"jane.doe@example.com\",\"team\":null,\"activeFrom\":null,\"activeTo\":null}");

      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");
      expect(lead.json("PATCH", path, "{\"name\":\"X\"}", lead.csrf()), 403,
          "{\"error\":\"forbidden\",\"message\":\"a manager may not call PATCH /api/v1/developers/" + jane + "\"}");
    }
  }

  private static long id(java.net.http.HttpResponse<String> created) throws Exception {
    expect(created, 201);
    return JSON.readTree(created.body()).get("id").asLong();
  }
}
