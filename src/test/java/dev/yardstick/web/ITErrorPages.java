package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors of the pages are HTML pages in the frame with a way back; the API, OTLP and health routes keep JSON and plain text. */
class ITErrorPages {
  @Test
  void pages_answer403And404AsFramedHtml_theApiKeepsItsJson() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      WebClient developer = server.account("dev@example.com", "developer", "developer-password-1");
      WebClient admin = new WebClient(server);
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);

      HttpResponse<String> forbidden = developer.get("/identities");
      assertThat(forbidden.statusCode()).isEqualTo(403);
      assertHtmlPage(forbidden, "Not allowed");
      assertThat(forbidden.body()).contains("<a href=\"/\">Back to the dashboard</a>").contains("<nav aria-label=\"Main\">")
          .contains("dev@example.com");
      HttpResponse<String> rollout = developer.get("/rollout");
      assertThat(rollout.statusCode()).isEqualTo(403);
      assertHtmlPage(rollout, "Not allowed");

      HttpResponse<String> noProfile = admin.get("/developers/999999");
      assertThat(noProfile.statusCode()).isEqualTo(404);
      assertHtmlPage(noProfile, "Not found");
      assertThat(noProfile.body()).contains("no developer 999999");

      // an unknown path: the session is still recognised, so the menu is there
      HttpResponse<String> unknown = admin.get("/no/such/page");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertHtmlPage(unknown, "Not found");
      assertThat(unknown.body()).contains("There is no page at /no/such/page.").contains("Back to the dashboard");
      HttpResponse<String> anonymous = new WebClient(server).get("/no/such/page");
      assertThat(anonymous.statusCode()).isEqualTo(404);
      assertHtmlPage(anonymous, "Not found");
      assertThat(anonymous.body()).contains("<a href=\"/login\">Sign in</a>").doesNotContain("<nav");

      HttpResponse<String> apiForbidden = developer.get("/api/v1/identities/unmatched");
      assertThat(apiForbidden.statusCode()).isEqualTo(403);
      assertJson(apiForbidden, "forbidden");
      assertJson(admin.get("/api/v1/developers/999999"), "not_found");
      assertJson(admin.get("/api/v1/no-such-route"), "not_found");
      assertJson(admin.get("/v1/nothing"), "not_found");
      assertJson(admin.get("/otel/nothing"), "not_found");
      assertThat(admin.get("/healthz").headers().firstValue("Content-Type").orElse("")).doesNotContain("html");
      assertThat(admin.get("/metrics").headers().firstValue("Content-Type").orElse("")).doesNotContain("html");
    }
  }

  @Test
  void aPageThatFails_answers500InTheFrame_withoutTheExceptionText() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of())) {
      WebClient admin = new WebClient(server);
      admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      server.execute("ALTER TABLE repositories RENAME TO repositories_away"); // the page's query now fails

      HttpResponse<String> page = admin.get("/repositories");
      HttpResponse<String> api = admin.get("/api/v1/repositories");

      assertThat(page.statusCode()).isEqualTo(500);
      assertHtmlPage(page, "Something went wrong");
      assertThat(page.body()).contains("Back to the dashboard").doesNotContainIgnoringCase("repositories_away")
          .doesNotContainIgnoringCase("not found").doesNotContain("Exception").doesNotContain("SELECT");
      assertThat(api.statusCode()).isEqualTo(500);
      assertJson(api, "internal");
      assertThat(api.body()).doesNotContainIgnoringCase("repositories");
    }
  }

  private static void assertHtmlPage(HttpResponse<String> r, String title) {
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.body()).startsWith("<!doctype html>").contains("<title>" + title + " · Yardstick</title>")
        .contains("<h1>" + title + "</h1>").contains("id=\"error\"");
  }

  private static void assertJson(HttpResponse<String> r, String code) {
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(r.body()).startsWith("{\"error\":\"" + code + "\"");
  }
}
