package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Walks the route table: every route has a rule, and each one refuses callers below it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITAccessControl {
  private TestServer server;
  private WebClient developer;
  private WebClient manager;
  private String developerToken;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2());
    developer = server.account("dev@example.com", "developer", "developer-password-1");
    manager = server.account("lead@example.com", "manager", "manager-password-1");
    HttpResponse<String> t = developer.json("POST", "/api/v1/account/tokens", "{\"name\":\"script\"}", developer.csrf());
    assertThat(t.statusCode()).isEqualTo(201);
    developerToken = t.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void publicRoutes_areOnlyHealthMetricsSignInSetupInvitationsTheApiDocumentAndTheAssets() {
    List<String> open = routes().stream().filter(r -> r.access() == Access.PUBLIC).map(r -> r.method() + " " + r.path()).toList();

    assertThat(open).containsExactlyInAnyOrder("GET /healthz", "GET /readyz", "GET /metrics", "GET /login", "POST /login",
        "GET /setup", "POST /setup", "GET /invite/{token}", "POST /invite/{token}", "GET /api/v1/openapi.json", "GET /assets/yardstick.css",
        "GET /assets/yardstick.js", "GET /webjars/htmx.org/2.0.10/dist/htmx.min.js",
        "GET /webjars/echarts/5.3.1/dist/echarts.min.js", "GET /favicon.svg");
    assertThat(routes().stream().filter(r -> r.access() == Access.INGEST).map(Route::path))
        .allMatch(p -> p.startsWith("/otel/v1/") || p.startsWith("/v1/"));
  }

  @Test
  void everyProtectedRoute_refusesAnonymousCallers() throws Exception {
    for (Route r : routes()) {
      if (r.access() == Access.PUBLIC || r.access() == Access.INGEST) {
        continue;
      }
      HttpResponse<String> res = call(r, null, null);
      if (r.method().name().equals("GET") && !r.path().startsWith("/api/")) {
        assertThat(res.statusCode()).as(r.toString()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).as(r.toString()).get().asString().startsWith("/login");
      } else {
        assertThat(res.statusCode()).as(r.method() + " " + r.path()).isEqualTo(401);
      }
      assertThat(call(r, "Bearer ys_not-a-real-token-0123456789", null).statusCode()).as(r.path()).isEqualTo(401);
    }
  }

  @Test
  void adminRoutes_refuseDevelopersAndManagers_managerRoutesRefuseDevelopers() throws Exception {
    for (Route r : routes()) {
      if (r.access() == Access.ADMIN || r.access() == Access.MANAGER) {
        assertThat(developer.json(r.method().name(), path(r), "{}", developer.csrf()).statusCode())
            .as("developer session on " + r.method() + " " + r.path()).isEqualTo(403);
        assertThat(call(r, "Bearer " + developerToken, null).statusCode())
            .as("developer token on " + r.method() + " " + r.path()).isEqualTo(403);
      }
      if (r.access() == Access.ADMIN) {
        assertThat(manager.json(r.method().name(), path(r), "{}", manager.csrf()).statusCode())
            .as("manager session on " + r.method() + " " + r.path()).isEqualTo(403);
      }
    }
  }

  @Test
  void developer_seesOnlyTheirOwnNumbers() throws Exception {
    assertThat(developer.get("/api/v1/report?from=2026-01-01&to=2026-12-31&groupBy=team").statusCode()).isEqualTo(403);
    server.developer("other@example.com"); // a row the admin gets and the developer must not
    String path = "/api/v1/report?from=2026-01-01&to=2026-12-31&groupBy=developer";
    assertThat(server.report("2026-01-01", "2026-12-31", "developer").get("rows").findValuesAsText("key")).contains("other@example.com");
    HttpResponse<String> own = developer.get(path);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(own.body()).get("rows").findValuesAsText("key"))
        .containsExactly("dev@example.com"); // every role and grouping: ReportPrivacyContract
    assertThat(developer.get("/api/v1/account").body()).contains("\"role\":\"developer\"");
  }

  private List<Route> routes() {
    return server.app().web().routes();
  }

  private HttpResponse<String> call(Route r, String authorization, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path(r))))
        .method(r.method().name(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return server.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A concrete URL for a route of the table: ids and tokens filled in, the report given its window. */
  static String path(Route r) {
    return r.path().replace("{token}", "x").replaceAll("\\{[^}]+}", "1") // every id parameter
        + (r.path().equals("/api/v1/report") ? "?from=2026-01-01&to=2026-01-02" : "");
  }
}
