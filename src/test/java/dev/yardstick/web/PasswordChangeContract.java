package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Changing one's password on the account page and through the API, over real HTTP on every
 * database: what is refused, what the change ends (other sessions) and what it keeps (this session,
 * personal API tokens).
 */
abstract class PasswordChangeContract extends OnEveryDatabase {
  private static final String OLD = "manager-password-1";
  private static final String NEW = "a-brand-new-password-2";

  @Test
  void accountPage_refusesWrongOrShortPasswords_thenChangesIt_endingOtherSessionsOnly() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      WebClient me = server.account("lead@example.com", "manager", OLD);
      WebClient elsewhere = new WebClient(server);
      assertThat(elsewhere.signIn("lead@example.com", OLD).statusCode()).isEqualTo(303);
      String token = personalToken(me);

      HttpResponse<String> noCsrf = me.post("/account/password", "current", OLD, "new", NEW);
      HttpResponse<String> wrong = me.post("/account/password", "current", "not-my-password", "new", NEW, "csrf", me.csrf());
      HttpResponse<String> tooShort = me.post("/account/password", "current", OLD, "new", "short", "csrf", me.csrf());
      assertThat(noCsrf.statusCode()).isEqualTo(403);
      assertThat(wrong.statusCode()).isEqualTo(400);
      assertThat(wrong.body()).contains("the current password is wrong");
      assertThat(tooShort.statusCode()).isEqualTo(400);
      assertThat(tooShort.body()).contains("a password needs at least 10 characters");
      assertThat(elsewhere.get("/account").statusCode()).as("nothing changed yet").isEqualTo(200);

      HttpResponse<String> changed = me.post("/account/password", "current", OLD, "new", NEW, "csrf", me.csrf());

      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(changed.body()).contains("Password changed. Your other sessions were signed out");
      assertThat(me.get("/account").statusCode()).isEqualTo(200);
      assertThat(elsewhere.get("/account").statusCode()).isEqualTo(302);
      assertThat(withToken(server, token).statusCode()).as("personal tokens are kept").isEqualTo(200);
      assertThat(new WebClient(server).signIn("lead@example.com", OLD).statusCode()).isEqualTo(401);
      assertThat(new WebClient(server).signIn("lead@example.com", NEW).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void api_refusesWrongOrShortPasswords_thenChangesIt_withASessionOrAPersonalToken() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      WebClient me = server.account("lead@example.com", "manager", OLD);
      WebClient elsewhere = new WebClient(server);
      elsewhere.signIn("lead@example.com", OLD);
      String token = personalToken(me);

      HttpResponse<String> wrong = me.json("POST", "/api/v1/account/password", "{\"current\":\"nope-nope-nope\",\"new\":\"" + NEW + "\"}",
          me.csrf());
      HttpResponse<String> tooShort = me.json("POST", "/api/v1/account/password", "{\"current\":\"" + OLD + "\",\"new\":\"short\"}",
          me.csrf());
      HttpResponse<String> missing = me.json("POST", "/api/v1/account/password", "{\"current\":\"" + OLD + "\"}", me.csrf());
      HttpResponse<String> orgToken = server.send(server.api("/api/v1/account/password").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"current\":\"x\",\"new\":\"" + NEW + "\"}")));
      assertThat(wrong.statusCode()).isEqualTo(400);
      assertThat(wrong.body()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"the current password is wrong\"}");
      assertThat(tooShort.statusCode()).isEqualTo(400);
      assertThat(tooShort.body()).contains("a password needs at least 10 characters");
      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(orgToken.statusCode()).isEqualTo(400);
      assertThat(orgToken.body()).contains("organization API token");

      HttpResponse<String> changed = me.json("POST", "/api/v1/account/password",
          "{\"current\":\"" + OLD + "\",\"new\":\"" + NEW + "\"}", me.csrf());
      assertThat(changed.statusCode()).isEqualTo(204);
      assertThat(me.get("/api/v1/account").statusCode()).isEqualTo(200);
      assertThat(elsewhere.get("/api/v1/account").statusCode()).isEqualTo(401);

      // with a personal token there is no session to keep: every session ends, the token goes on
      HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/account/password")))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"current\":\"" + NEW + "\",\"new\":\"" + OLD + "\"}")));
      assertThat(again.statusCode()).isEqualTo(204);
      assertThat(me.get("/api/v1/account").statusCode()).isEqualTo(401);
      assertThat(withToken(server, token).statusCode()).isEqualTo(200);
      assertThat(new WebClient(server).signIn("lead@example.com", OLD).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void wrongCurrentPasswords_areThrottled_soAStolenSessionCannotGuessThePassword() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      WebClient me = server.account("lead@example.com", "manager", OLD);
      for (int i = 0; i < 6; i++) {
        assertThat(me.post("/account/password", "current", "guess-number-" + i, "new", NEW, "csrf", me.csrf()).statusCode())
            .isEqualTo(400);
      }

      HttpResponse<String> page = me.post("/account/password", "current", OLD, "new", NEW, "csrf", me.csrf());
      HttpResponse<String> api = me.json("POST", "/api/v1/account/password", "{\"current\":\"" + OLD + "\",\"new\":\"" + NEW + "\"}",
          me.csrf());

      assertThat(page.statusCode()).isEqualTo(429);
      assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 30));
      assertThat(page.body()).contains("Too many wrong passwords");
      assertThat(api.statusCode()).isEqualTo(429);
      assertThat(api.body()).contains("\"error\":\"too_many_attempts\"");
      assertThat(new WebClient(server).signIn("lead@example.com", OLD).statusCode()).as("unchanged").isEqualTo(303);
    }
  }

  private static String personalToken(WebClient me) throws Exception {
    HttpResponse<String> t = me.json("POST", "/api/v1/account/tokens", "{\"name\":\"script\"}", me.csrf());
    assertThat(t.statusCode()).isEqualTo(201);
    return t.body().replaceAll(".*\"token\":\"(ys_[^\"]+)\".*", "$1");
  }

  private static HttpResponse<String> withToken(TestServer server, String token) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/account"))).header("Authorization", "Bearer " + token));
  }
}
