package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /api/v1/openapi.json from a real server, held against the route table that server runs: both ways, entry by entry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITOpenApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestServer server;
  private HttpResponse<String> served;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2());
    served = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/openapi.json"))).GET().build(),
        HttpResponse.BodyHandlers.ofString()); // no credentials: the document is public
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void theDocument_isServedWithoutCredentials_asJson() throws Exception {
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    JsonNode doc = new ObjectMapper().readTree(served.body());
    assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
    assertThat(doc).isEqualTo(OpenApiCheck.resource());
  }

  @Test
  void everyApiRouteIsDocumented_andNothingElse_withItsAccessRule() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(served.body());
    Map<String, String> routes = OpenApiCheck.routeTable(server.app().web().routes());

    assertThat(routes).containsKeys("GET /api/v1/openapi.json", "GET /api/v1/report", "POST /otel/v1/metrics", "GET /healthz")
        .hasSizeGreaterThan(50); // the walk found the table, not an empty list
    assertThat(OpenApiCheck.compare(routes, OpenApiCheck.documented(doc))).isEmpty();
    assertThat(OpenApiCheck.pathParameters(doc)).isEmpty();
  }

  @Test
  void realAnswers_haveTheDocumentedStatusAndShape() throws Exception {
    OpenApiShape shape = new OpenApiShape(OpenApiCheck.resource());
    List<String> problems = new ArrayList<>();
    ClaudeCodeExports.post(server, server.newIngestToken("claude-code")); // a real session, so rows carry figures
    String created = call(shape, problems, "post", "/api/v1/developers", "/api/v1/developers",
        "{\"email\":\"" + ClaudeCodeExports.DEVELOPER + "\",\"name\":\"Dev\",\"team\":\"Platform\"}");
    String id = JSON.readTree(created).path("id").asText();
    call(shape, problems, "post", "/api/v1/teams", "/api/v1/teams", "{\"name\":\"Apps\",\"parent\":\"Platform\",\"managers\":[\"lead@example.com\"]}");
    call(shape, problems, "post", "/api/v1/ingest-tokens", "/api/v1/ingest-tokens", "{\"name\":\"ci\"}");
    call(shape, problems, "post", "/api/v1/developers/{id}/ingest-tokens", "/api/v1/developers/" + id + "/ingest-tokens", "{}");
    call(shape, problems, "post", "/api/v1/developers/{id}/aliases", "/api/v1/developers/" + id + "/aliases",
        "{\"kind\":\"git_email\",\"value\":\"shape@users.example.com\"}");
    call(shape, problems, "post", "/api/v1/data/removals", "/api/v1/data/removals", "{\"all\":true,\"dryRun\":true}");
    call(shape, problems, "post", "/api/v1/invitations", "/api/v1/invitations", "{\"email\":\"new@example.com\",\"role\":\"manager\"}");
    call(shape, problems, "post", "/api/v1/developers", "/api/v1/developers", "{\"email\":\"" + ClaudeCodeExports.DEVELOPER + "\"}"); // 409
    for (String groupBy : List.of("developer", "team", "org", "day", "week", "month", "repository")) {
      call(shape, problems, "get", "/api/v1/report", "/api/v1/report?from=2026-01-01&to=2027-12-31&groupBy=" + groupBy, null);
    }
    call(shape, problems, "get", "/api/v1/report", "/api/v1/report?from=2026-01-01&to=2026-12-31&groupBy=team&team=Platform", null);
    for (String groupBy : List.of("org", "team", "developer")) {
      call(shape, problems, "get", "/api/v1/timeseries", "/api/v1/timeseries?metric=sessions&interval=month&from=2026-01-01"
          + "&to=2026-12-31&groupBy=" + groupBy, null);
    }
    call(shape, problems, "get", "/api/v1/timeseries", "/api/v1/timeseries?metric=activeUsers", null); // default window
    call(shape, problems, "get", "/api/v1/timeseries", "/api/v1/timeseries?metric=nonsense", null); // 400
    call(shape, problems, "get", "/api/v1/report", "/api/v1/report?from=2026-11-01&to=nonsense", null); // 400
    call(shape, problems, "get", "/api/v1/impact", "/api/v1/impact?from=2026-01-01&to=2026-12-31", null); // not enough data
    call(shape, problems, "get", "/api/v1/impact", "/api/v1/impact?from=2026-01-01&to=2026-12-31&team=Nobody", null); // 400
    call(shape, problems, "get", "/api/v1/developers/{id}", "/api/v1/developers/999999", null); // 404
    for (String path : List.of("/api/v1/account", "/api/v1/developers", "/api/v1/teams", "/api/v1/ingest-tokens",
        "/api/v1/identities/unmatched", "/api/v1/rollout", "/api/v1/integrations/anthropic", "/api/v1/repositories",
        "/api/v1/data/removals", "/healthz", "/readyz")) {
      call(shape, problems, "get", path, path, null);
    }
    for (String template : List.of("/api/v1/developers/{id}", "/api/v1/developers/{id}/memberships",
        "/api/v1/developers/{id}/telemetry", "/api/v1/developers/{id}/ingest-tokens")) {
      call(shape, problems, "get", template, template.replace("{id}", id), null);
    }
    HttpResponse<String> anonymous = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/teams"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    check(shape, problems, "get", "/api/v1/teams", anonymous); // 401

    assertThat(problems).isEmpty();
  }

  /** Calls as the bootstrap admin; records an undocumented status or a body off its schema; returns the body. */
  private String call(OpenApiShape shape, List<String> problems, String method, String template, String path, String body)
      throws Exception {
    HttpResponse<String> r = server.json(method.toUpperCase(java.util.Locale.ROOT), path, body);
    check(shape, problems, method, template, r);
    return r.body();
  }

  private static void check(OpenApiShape shape, List<String> problems, String method, String template, HttpResponse<String> r)
      throws Exception {
    String what = method.toUpperCase(java.util.Locale.ROOT) + " " + r.uri().getPath() + " -> " + r.statusCode();
    JsonNode schema = shape.responseSchema(method, template, r.statusCode());
    if (schema.isMissingNode()) {
      problems.add(what + ": no JSON answer documented for this status (" + r.body() + ")");
      return;
    }
    shape.problems(schema, JSON.readTree(r.body())).forEach(p -> problems.add(what + " " + p));
  }
}
