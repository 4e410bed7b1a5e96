package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document on its own: version, security, parameters, references; and that the comparison names what differs. */
class OpenApiDocumentTest {
  private final JsonNode doc = load();

  @Test
  void isOpenApi31_withRelativeServers_andTheThreeWaysIn() {
    assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
    assertThat(doc.path("info").path("title").asText()).isNotBlank();
    assertThat(doc.path("info").path("version").asText()).isNotBlank();
    assertThat(doc.path("servers")).allSatisfy(s -> assertThat(s.path("url").asText()).startsWith("/"));
    JsonNode schemes = doc.path("components").path("securitySchemes");
    assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.path("sessionCookie").path("in").asText()).isEqualTo("cookie");
    assertThat(schemes.path("sessionCookie").path("name").asText()).isEqualTo(Authn.SESSION_COOKIE);
    assertThat(schemes.path("ingestToken").path("scheme").asText()).isEqualTo("bearer");
  }

  @Test
  void swaggerParser_readsItAsOpenApi31_withoutAComplaint_andComplainsAboutABrokenCopy() {
    SwaggerParseResult read = parse(doc);
    assertThat(read.getMessages()).isEmpty();
    assertThat(read.getOpenAPI().getOpenapi()).startsWith("3.1.");
    assertThat(read.getOpenAPI().getPaths()).hasSameSizeAs(iterable(doc.path("paths")));

    ObjectNode broken = doc.deepCopy();
    ((ObjectNode) broken.at("/paths/~1api~1v1~1report/get/responses/200")).remove("description");
    ((ObjectNode) broken.at("/paths/~1api~1v1~1rollout/get/parameters/0")).put("in", "body");
    assertThat(parse(broken).getMessages()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyTemplateParameter_isDeclaredAsARequiredPathParameter() {
    assertThat(OpenApiCheck.pathParameters(doc)).isEmpty();
  }

  @Test
  void everyOperationHasResponsesAndAnId_andEveryRefResolves() {
    assertThat(OpenApiCheck.structure(doc)).isEmpty();
  }

  @Test
  void errorResponses_areTheServersErrorShape() {
    JsonNode error = doc.at("/components/schemas/Error");
    assertThat(error.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("error", "message");
    for (String name : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "TooManyRequests", "Unavailable")) {
      assertThat(doc.at("/components/responses/" + name + "/content/application~1json/schema/$ref").asText()).as(name)
          .isEqualTo("#/components/schemas/Error");
    }
  }

  @Test
  void comparison_namesEachRouteMissingFromTheDocument_andEachDocumentedRouteThatDoesNotExist() {
    ObjectNode changed = doc.deepCopy();
    ((ObjectNode) changed.path("paths")).remove("/api/v1/teams"); // GET and POST undocumented
    ((ObjectNode) changed.path("paths")).putObject("/api/v1/nothing/{id}").putObject("get").put("x-yardstick-access", "admin");
    List<Route> routes = List.of(
        route(HandlerType.GET, "/api/v1/teams", Access.MANAGER),
        route(HandlerType.POST, "/api/v1/teams", Access.ADMIN),
        route(HandlerType.GET, "/api/v1/developers/<id>", Access.ADMIN), // documented as signed-in
        route(HandlerType.GET, "/login", Access.PUBLIC), // a page: not the API's
        Route.otlp("/otel/v1/logs", Route.OtlpKind.LOGS));

    Map<String, String> table = OpenApiCheck.routeTable(routes);
    List<String> problems = OpenApiCheck.compare(table, OpenApiCheck.documented(changed));

    assertThat(table).containsOnlyKeys("GET /api/v1/teams", "POST /api/v1/teams", "GET /api/v1/developers/{id}", "POST /otel/v1/logs");
    assertThat(problems).contains("undocumented route: GET /api/v1/teams", "undocumented route: POST /api/v1/teams",
        "documented but no such route: GET /api/v1/nothing/{id}", "documented but no such route: GET /api/v1/report",
        "GET /api/v1/developers/{id}: x-yardstick-access is signed-in but the route table says admin");
    assertThat(problems).noneMatch(p -> p.contains("/otel/v1/logs") || p.contains("/login"));
    assertThat(OpenApiCheck.pathParameters(changed)).containsExactly("get /api/v1/nothing/{id}: template parameters [id] but declared []");
  }

  @Test
  void shapeCheck_namesAnUndocumentedField_aWrongType_aMissingField_aNullAndAValueOffItsEnum() throws Exception {
    OpenApiShape shape = new OpenApiShape(doc);
    JsonNode detail = shape.responseSchema("get", "/api/v1/developers/{id}", 200);
    JsonNode good = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
        {"id": 7, "email": "a@example.com", "name": null, "team": "Apps",
         "memberships": [{"id": 1, "team": "Apps", "from": null, "to": null}],
         "aliases": [{"id": 2, "kind": "git_email", "value": "a@b", "evidence": null, "automatic": false}]}""");
    assertThat(shape.problems(detail, good)).isEmpty();

    ObjectNode bad = good.deepCopy();
    bad.put("nickname", "x").put("id", "seven").remove("team");
    ((ObjectNode) bad.path("aliases").get(0)).put("kind", "ingest_token").putNull("value");
    assertThat(shape.problems(detail, bad)).containsExactlyInAnyOrder("$: field nickname is not documented",
        "$.id: \"seven\" is not \"integer\"",
        "$: required field team is missing", "$.aliases[0].kind: \"ingest_token\" is not one of "
            + doc.at("/components/schemas/AliasKind/enum"), "$.aliases[0].value: null is not \"string\"");
    assertThat(shape.responseSchema("get", "/api/v1/developers/{id}", 418).isMissingNode()).isTrue();
  }

  private static SwaggerParseResult parse(JsonNode document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false); // read as written: $refs are checked by OpenApiCheck.structure
    return new OpenAPIV3Parser().readContents(document.toString(), null, options);
  }

  private static Iterable<String> iterable(JsonNode object) {
    return object::fieldNames;
  }

  private static Route route(HandlerType method, String path, Access access) {
    return new Route(method, path, access, ctx -> {});
  }

  private static JsonNode load() {
    try {
      return OpenApiCheck.resource();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
