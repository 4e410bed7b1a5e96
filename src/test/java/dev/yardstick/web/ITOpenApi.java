package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET /api/v1/openapi.json from a real server, held against the route table that server runs: both ways, entry by entry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITOpenApi {
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
}
