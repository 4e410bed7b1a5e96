package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** HEAD works like GET on every route (pages, API, health), and every answer carries the security headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITResponseHeaders {
  private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";
  private TestServer server;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void head_onEveryGetRoute_answersAsGetDoes_withoutABody() throws Exception {
    List<Route> gets = server.app().web().routes().stream().filter(r -> r.method().name().equals("GET")).toList();
    assertThat(gets).hasSizeGreaterThan(20);
    for (Route r : gets) {
      for (String auth : new String[] {"Bearer " + TestServer.API_TOKEN, null}) {
        HttpResponse<String> get = call("GET", ITAccessControl.path(r), auth);
        HttpResponse<String> head = call("HEAD", ITAccessControl.path(r), auth);

        String what = "HEAD " + ITAccessControl.path(r) + (auth == null ? " anonymous" : " as admin");
        assertThat(head.statusCode()).as(what).isEqualTo(get.statusCode()).isNotEqualTo(500);
        assertThat(head.body()).as(what).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).as(what).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Location")).as(what).isEqualTo(get.headers().firstValue("Location"));
      }
    }
    assertThat(call("HEAD", "/healthz", null).statusCode()).isEqualTo(200);
    assertThat(call("HEAD", "/metrics", null).statusCode()).isEqualTo(200);
    assertThat(call("HEAD", "/login", null).statusCode()).isEqualTo(200);
    assertThat(call("HEAD", "/api/v1/account", "Bearer " + TestServer.API_TOKEN).statusCode()).isEqualTo(200);
    assertThat(call("HEAD", "/developers", null).headers().firstValue("Location")).hasValue("/login?next=%2Fdevelopers");
  }

  @Test
  void head_onRoutesWithoutGet_isNeverAServerError() throws Exception {
    for (String path : List.of("/otel/v1/metrics", "/v1/logs", "/api/v1/account/password", "/no/such/page")) {
      assertThat(call("HEAD", path, null).statusCode()).as(path).isBetween(400, 499);
    }
  }

  @Test
  void everyKindOfAnswer_carriesTheSecurityHeaders() throws Exception {
    List<HttpResponse<String>> answers = List.of(
        call("GET", "/login", null),
        call("HEAD", "/login", null),
        call("GET", "/", null),
        call("GET", "/account", "Bearer " + TestServer.API_TOKEN),
        call("GET", "/api/v1/account", "Bearer " + TestServer.API_TOKEN),
        call("GET", "/api/v1/account", null),
        call("GET", "/healthz", null),
        call("GET", "/metrics", null),
        call("GET", "/no/such/page", null),
        call("POST", "/api/v1/developers", "Bearer " + TestServer.API_TOKEN));
    for (HttpResponse<String> a : answers) {
      String what = a.request().method() + " " + a.uri().getPath() + " -> " + a.statusCode();
      HttpHeaders h = a.headers();
      assertThat(h.allValues("Content-Security-Policy")).as(what).containsExactly(CSP);
      assertThat(h.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
      assertThat(h.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
      assertThat(h.allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
    }
    assertThat(answers.stream().map(HttpResponse::statusCode)).containsExactly(200, 200, 302, 200, 200, 401, 200, 200, 404, 400);
  }

  @Test
  void pages_loadTheirStyleFromAServedFile_andCarryNoInlineStyleOrScript() throws Exception {
    String page = call("GET", "/", "Bearer " + TestServer.API_TOKEN).body();
    String link = page.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\">.*", "$1");

    assertThat(link).startsWith("/assets/yardstick.css");
    HttpResponse<String> css = call("GET", link, null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(css.body()).contains("body{");
    assertThat(page).doesNotContain("<style", "style=\"").doesNotContainPattern(" on[a-z]+=");
    // scripts only from files this server serves: htmx and our own, none inline
    assertThat(page.split("<script", -1)).hasSize(3);
    assertThat(page).containsPattern("<script src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\" defer></script>")
        .containsPattern("<script src=\"/assets/yardstick.js\\?v=[0-9a-f]{12}\" defer></script>");
    for (String script : new String[] {"/webjars/htmx.org/2.0.10/dist/htmx.min.js", "/assets/yardstick.js"}) {
      HttpResponse<String> js = call("GET", script, null);
      assertThat(js.statusCode()).as(script).isEqualTo(200);
      assertThat(js.headers().firstValue("Content-Type")).as(script).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    }
  }

  private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return server.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
