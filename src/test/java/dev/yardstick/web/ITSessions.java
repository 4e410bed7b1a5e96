package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, CSRF and throttling, through the pages as a browser uses them. */
class ITSessions {
  @Test
  void signIn_issuesAFreshSessionId_andAFixedOneIsWorthNothing() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient victim = new WebClient(server);
      victim.setSessionCookie("attacker-chosen-session-id");
      assertThat(victim.get("/account").statusCode()).isEqualTo(302); // the fixed id signs nobody in

      HttpResponse<String> in = victim.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      assertThat(in.statusCode()).isEqualTo(303);
      String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ys_session=")).findFirst().orElseThrow();
      assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("attacker-chosen");
      WebClient signedIn = new WebClient(server);
      signedIn.setSessionCookie(cookie.substring("ys_session=".length(), cookie.indexOf(';')));
      assertThat(signedIn.get("/account").statusCode()).isEqualTo(200);
      WebClient attacker = new WebClient(server);
      attacker.setSessionCookie("attacker-chosen-session-id");
      assertThat(attacker.get("/account").statusCode()).isEqualTo(302);
    }
  }

  @Test
  void signIn_behindAnHttpsProxy_setsASecureCookie() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      HttpResponse<String> in = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/login")))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("email=" + TestServer.ADMIN_EMAIL + "&password="
              + TestServer.ADMIN_PASSWORD)));

      assertThat(in.headers().firstValue("Set-Cookie")).get().asString().contains("Secure");
    }
  }

  @Test
  void stateChangingRequests_withASession_needTheCsrfToken() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient admin = new WebClient(server);
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      String csrf = admin.csrf();

      assertThat(admin.post("/account/tokens", "name", "no csrf").statusCode()).isEqualTo(403);
      assertThat(admin.post("/account/tokens", "name", "wrong csrf", "csrf", csrf + "x").statusCode()).isEqualTo(403);
      assertThat(admin.json("POST", "/api/v1/developers", "{\"email\":\"a@example.com\"}", null).statusCode()).isEqualTo(403);
      assertThat(admin.post("/account/tokens", "name", "with csrf", "csrf", csrf).body()).contains("id=\"new-token\"");
      assertThat(admin.json("POST", "/api/v1/developers", "{\"email\":\"a@example.com\"}", csrf).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void signOut_andPasswordChange_endSessions() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient first = new WebClient(server);
      WebClient second = new WebClient(server);
      first.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      second.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      HttpResponse<String> wrong = first.post("/account/password", "current", "not it", "new", "a-new-password-1", "csrf", first.csrf());
      HttpResponse<String> changed = first.post("/account/password", "current", TestServer.ADMIN_PASSWORD, "new", "a-new-password-1",
          "csrf", first.csrf());

      assertThat(wrong.statusCode()).isEqualTo(400);
      assertThat(changed.statusCode()).isEqualTo(200);
      assertThat(second.get("/account").statusCode()).isEqualTo(302); // the other session ended
      assertThat(first.get("/account").statusCode()).isEqualTo(200); // this one goes on
      assertThat(first.post("/logout", "csrf", first.csrf()).statusCode()).isEqualTo(303);
      assertThat(first.get("/account").statusCode()).isEqualTo(302);
      assertThat(new WebClient(server).signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(401);
      assertThat(new WebClient(server).signIn(TestServer.ADMIN_EMAIL, "a-new-password-1").statusCode()).isEqualTo(303);
    }
  }

  @Test
  void signIn_repeatedFailures_areThrottledEvenWithTheRightPasswordAfterwards() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient guesser = new WebClient(server);
      for (int i = 0; i < 6; i++) {
        assertThat(guesser.signIn(TestServer.ADMIN_EMAIL, "guess-" + i).statusCode()).isEqualTo(401);
      }

      HttpResponse<String> locked = guesser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      assertThat(locked.statusCode()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).get().asString().matches("\\d+");
      assertThat(locked.body()).contains("Too many failed sign-ins");
      assertThat(new WebClient(server).signIn("nobody@example.com", "whatever-1").statusCode()).isEqualTo(401); // others go on
    }
  }

  @Test
  void unknownEmail_andWrongPassword_lookTheSame() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      HttpResponse<String> unknown = new WebClient(server).signIn("nobody@example.com", "whatever-1");
      HttpResponse<String> wrong = new WebClient(server).signIn(TestServer.ADMIN_EMAIL, "whatever-1");

      assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
      assertThat(unknown.body().replace("nobody@example.com", "X")).isEqualTo(wrong.body().replace(TestServer.ADMIN_EMAIL, "X"));
    }
  }

  @Test
  void invitation_linkWorksOnce() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient invited = server.account("new@example.com", "manager", "manager-password-1");

      assertThat(invited.get("/api/v1/account").body()).contains("\"role\":\"manager\"", "new@example.com");
      assertThat(invited.get("/").statusCode()).isEqualTo(200);
    }
  }
}
