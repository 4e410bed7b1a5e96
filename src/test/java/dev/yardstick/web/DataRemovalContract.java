package dev.yardstick.web;

import static dev.yardstick.testing.UsageExports.Usage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.Database;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.UsageExports;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Removing data over HTTP, on a real server: the dry run says exactly what the test planted and
 * changes nothing; the run removes exactly that, every other figure of the report stays as it was,
 * a retry of a removed export is not stored again, and the audit log says who removed what.
 */
abstract class DataRemovalContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = TestClock.today(); // the test servers' today
  private static final LocalDate D1 = TODAY.minusDays(3);
  private static final LocalDate D2 = TODAY.minusDays(2);
  private static final String FROM = TODAY.minusDays(10).toString();
  private static final String TO = TODAY.plusDays(1).toString();

  private TestDatabases.Target target;
  TestServer server;
  private String laptops;
  private String leaked;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void start() throws Exception {
    target = newTarget();
    server = TestServer.start(target);
    laptops = server.newIngestToken("laptops");
    leaked = server.newIngestToken("leaked");
    server.developer("alice@example.com");
    server.developer("bob@example.com");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    TestDatabases.drop(target);
  }

  @Test
  void dryRun_saysExactlyWhatWouldGo_andChangesNothing_thenTheRunRemovesExactlyTheLeakedTokensData() throws Exception {
    plantHonestData();
    List<String> honest = reports();
    // what the leaked token sent: two identities (one forged), two days, metrics and events
    post(leaked, "metrics", UsageExports.metrics("alice@example.com", "b1", at(D1, 11), new Usage(4000, 25.0, 50_000)));
    post(leaked, "metrics", UsageExports.metrics("mallory@evil.example", "b2", at(D2, 9), new Usage(3000, 12.0, 1_000)));
    post(leaked, "logs", UsageExports.events("alice@example.com", "b1", at(D2, 12), 2));
    List<String> poisoned = reports();
    assertThat(row("developer", "alice@example.com").get("aiLinesAdded").asLong()).isEqualTo(10 + 20 + 4000);
    assertThat(unmatched()).containsExactly("mallory@evil.example");

    HttpResponse<String> dry = remove("{\"ingestToken\":\"" + UsageExports.tokenId(leaked) + "\",\"dryRun\":true}");

    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
    JsonNode plan = JSON.readTree(dry.body());
    assertThat(plan.get("dryRun").asBoolean()).isTrue();
    assertThat(plan.get("state").asText()).isEqualTo("done");
    assertThat(plan.get("by").toString()).isEqualTo("{\"kind\":\"api_token\",\"id\":\"1\",\"name\":\"bootstrap\"}");
    assertThat(plan.get("filter").toString()).isEqualTo("{\"ingestToken\":\"" + UsageExports.tokenId(leaked) + "\","
        + "\"identity\":null,\"developerId\":null,\"from\":null,\"to\":null,\"sources\":[\"telemetry\"],\"all\":false}");
    assertLeakedTokensData(plan.get("telemetry"));
    assertThat(plan.get("adminApi").isNull()).isTrue();
    assertThat(reports()).isEqualTo(poisoned);

    HttpResponse<String> run = remove("{\"ingestToken\":\"tk_" + UsageExports.tokenId(leaked) + "\"}");

    assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
    JsonNode done = JSON.readTree(run.body());
    assertThat(done.get("dryRun").asBoolean()).isFalse();
    assertThat(done.get("id").asLong()).isGreaterThan(plan.get("id").asLong());
    assertThat(run.headers().firstValue("Location")).contains("/api/v1/data/removals/" + done.get("id").asLong());
    assertLeakedTokensData(done.get("telemetry"));
    assertThat(reports()).isEqualTo(honest);
    assertThat(unmatched()).isEmpty(); // the forged identity sent nothing else

    // the same exports again (a client retrying, through either token) are recognized and not stored again
    post(leaked, "metrics", UsageExports.metrics("alice@example.com", "b1", at(D1, 11), new Usage(4000, 25.0, 50_000)));
    post(laptops, "metrics", UsageExports.metrics("mallory@evil.example", "b2", at(D2, 9), new Usage(3000, 12.0, 1_000)));
    assertThat(reports()).isEqualTo(honest);
    JsonNode nothingLeft = JSON.readTree(remove("{\"ingestToken\":\"" + UsageExports.tokenId(leaked) + "\",\"dryRun\":true}").body());
    assertThat(nothingLeft.get("telemetry").get("factGroups").asLong()).isZero();
    assertThat(nothingLeft.get("telemetry").get("days")).isEmpty();
  }

  @Test
  void removalByIdentityAndDays_takesOnlyThoseDays_ofThatIdentity() throws Exception {
    plantHonestData();
    JsonNode aliceBefore = row("developer", "alice@example.com");

    HttpResponse<String> r = remove("{\"identity\":{\"kind\":\"email\",\"value\":\" Bob@Example.com \"},\"from\":\"" + D1
        + "\",\"to\":\"" + D1 + "\"}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode t = JSON.readTree(r.body()).get("telemetry");
    assertThat(t.get("factGroups").asLong()).isEqualTo(1);
    assertThat(t.get("points").asLong()).isEqualTo(Usage.POINTS);
    assertThat(t.get("identities").get(0).get("identifiers").toString())
        .isEqualTo("[{\"kind\":\"email\",\"value\":\"bob@example.com\"}]");
    assertThat(t.get("ingestTokens").toString())
        .isEqualTo("[{\"id\":\"" + UsageExports.tokenId(laptops) + "\",\"name\":\"laptops\",\"factGroups\":1}]");
    assertThat(JSON.readTree(r.body()).get("adminApi").get("rows").asLong()).isZero();
    JsonNode bob = row("developer", "bob@example.com");
    assertThat(bob.get("aiLinesAdded").isNull()).as(bob.toString()).isTrue(); // no data left: unknown, not 0
    assertThat(row("developer", "alice@example.com")).isEqualTo(aliceBefore);

    HttpResponse<String> byDeveloper = remove("{\"developerId\":" + developerId("alice@example.com") + ",\"to\":\"" + D1 + "\"}");

    assertThat(byDeveloper.statusCode()).as(byDeveloper.body()).isEqualTo(201);
    assertThat(JSON.readTree(byDeveloper.body()).get("telemetry").get("factGroups").asLong()).isEqualTo(2); // metrics and events of D1
    JsonNode alice = row("developer", "alice@example.com");
    assertThat(alice.get("aiLinesAdded").asLong()).isEqualTo(20);
    assertThat(alice.get("costUsd").asDouble()).isEqualTo(0.25);
  }

  @Test
  void adminApiRows_goByIdentifierOrDeveloper_andStayOutOfTheNextFetchOfTheDay() throws Exception {
    try (Database db = new Database(target.url(), target.user(), target.password(), 2)) {
      db.start();
      AnthropicStore store = new AnthropicStore(db);
      List<AdminUsage> d1 = List.of(adminRow(D1, ActorType.USER, "alice@example.com", 3, 40, 1.5),
          adminRow(D1, ActorType.API, "ci-key", 7, 5, 0.25));
      store.replaceDay(1, D1, d1);
      store.replaceDay(1, D2, List.of(adminRow(D2, ActorType.USER, "alice@example.com", 2, 30, 0.75)));
      HttpResponse<String> alias = server.send(server.api("/api/v1/developers/" + developerId("bob@example.com") + "/aliases")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"api_key_name\",\"value\":\"ci-key\"}")));
      assertThat(alias.statusCode()).as(alias.body()).isEqualTo(201);

      HttpResponse<String> alice = remove("{\"identity\":{\"kind\":\"email\",\"value\":\"alice@example.com\"},\"from\":\""
          + D1 + "\",\"to\":\"" + D1 + "\",\"sources\":[\"admin_api\"]}");

      assertThat(alice.statusCode()).as(alice.body()).isEqualTo(201);
      JsonNode a = JSON.readTree(alice.body());
      assertThat(a.get("telemetry").isNull()).isTrue();
      assertThat(a.get("adminApi").toString()).isEqualTo("{\"rows\":1,\"days\":[\"" + D1 + "\"],\"actors\":[{\"kind\":\"email\","
          + "\"value\":\"alice@example.com\",\"developer\":\"alice@example.com\",\"rows\":1}],\"figures\":{\"sessions\":3,"
          + "\"aiLinesAdded\":40,\"aiLinesRemoved\":0,\"editsAccepted\":0,\"editsRejected\":0,\"commitsByClaudeCode\":0,"
          + "\"pullRequestsByClaudeCode\":0,\"costUsd\":1.5,\"tokens\":{\"input\":100,\"output\":0,\"cacheRead\":0,"
          + "\"cacheCreation\":0}}}");
      JsonNode bobBefore = adminRow("bob@example.com");
      assertThat(bobBefore.get("sessions").asLong()).isEqualTo(7);
      assertThat(adminRow("alice@example.com").get("aiLinesAdded").asLong()).isEqualTo(30);

      HttpResponse<String> bob = remove("{\"developerId\":" + developerId("bob@example.com") + ",\"sources\":[\"admin_api\"]}");

      assertThat(bob.statusCode()).as(bob.body()).isEqualTo(201);
      assertThat(JSON.readTree(bob.body()).get("adminApi").get("actors").toString()).isEqualTo("[{\"kind\":\"api_key_name\","
          + "\"value\":\"ci-key\",\"developer\":\"bob@example.com\",\"rows\":1}]");
      assertThat(adminRow("bob@example.com").get("sessions").isNull()).isTrue();
      store.replaceDay(1, D1, d1); // the hourly re-poll fetches the day again
      assertThat(adminRow("bob@example.com").get("sessions").isNull()).isTrue();
      assertThat(adminRow("alice@example.com").get("aiLinesAdded").asLong()).isEqualTo(30);
    }
  }

  @Test
  void nonAdmins_get403_onEveryRemovalRoute() throws Exception {
    WebClient dev = server.account("dev@example.com", "developer", "developer-password-1");
    WebClient lead = server.account("lead@example.com", "manager", "manager-password-1");
    for (WebClient c : List.of(dev, lead)) {
      String role = c == dev ? "developer" : "manager";
      HttpResponse<String> post = c.json("POST", "/api/v1/data/removals", "{\"all\":true}", c.csrf());
      assertForbidden(post, "a " + role + " may not call POST ");
      assertForbidden(c.get("/api/v1/data/removals"), "a " + role + " may not call GET ");
      assertForbidden(c.get("/api/v1/data/removals/1"), "a " + role + " may not call GET ");
    }
    assertThat(JSON.readTree(server.send(server.api("/api/v1/data/removals").GET()).body()).get("removals")).isEmpty();
  }

  @Test
  void badFilters_are400_andRemoveNothing() throws Exception {
    plantHonestData();
    List<String> before = reports();

    assertBadRequest("{}", "a removal needs a filter: ingestToken, identity, developerId, from or to"
        + " (send \\\"all\\\": true to remove everything)");
    assertBadRequest("{\"dryRun\":false,\"sources\":[\"telemetry\"]}", "a removal needs a filter: ingestToken, identity,"
        + " developerId, from or to (send \\\"all\\\": true to remove everything)");
    assertBadRequest("{\"tokn\":\"abc\",\"from\":\"" + D1 + "\"}", "unknown field \\\"tokn\\\"; the fields are ingestToken,"
        + " identity, developerId, from, to, sources, all, dryRun");
    assertBadRequest("{\"ingestToken\":\"00000000\"}", "no ingest token \\\"00000000\\\" in this organization");
    assertBadRequest("{\"from\":\"" + D2 + "\",\"to\":\"" + D1 + "\"}", "\\\"from\\\" is after \\\"to\\\"");
    assertBadRequest("{\"from\":\"yesterday\"}", "\\\"from\\\" must be a date as YYYY-MM-DD (got \\\"yesterday\\\")");
    assertBadRequest("{\"ingestToken\":\"" + UsageExports.tokenId(leaked) + "\",\"sources\":[\"admin_api\"]}",
        "Admin API rows carry no ingest token: remove them by identity, developerId or dates");
    assertBadRequest("{\"all\":true,\"sources\":[\"git\"]}", "\\\"sources\\\" may hold telemetry and admin_api (got \\\"git\\\")");
    assertBadRequest("{\"developerId\":999,\"dryRun\":true}", "no developer 999");
    assertBadRequest("{\"identity\":{\"kind\":\"phone\",\"value\":\"1\"}}", "kind must be one of email, account_uuid, account_id,"
        + " user_id, service_name, api_key_name, git_email (got \\\"phone\\\")");
    assertBadRequest("[1]", "the body must be a JSON object");

    assertThat(reports()).isEqualTo(before);
    assertThat(JSON.readTree(server.send(server.api("/api/v1/data/removals").GET()).body()).get("removals")).isEmpty();
  }

  @Test
  void auditLog_listsEveryRemoval_newestFirst_withWhoWhenWhatAndHowMuch() throws Exception {
    plantHonestData();
    WebClient admin = new WebClient(server);
    assertThat(admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    HttpResponse<String> first = admin.json("POST", "/api/v1/data/removals", "{\"from\":\"" + D2 + "\",\"dryRun\":true}", admin.csrf());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    HttpResponse<String> second = remove("{\"all\":true,\"sources\":[\"telemetry\"]}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);

    HttpResponse<String> log = server.send(server.api("/api/v1/data/removals").GET());

    assertThat(log.statusCode()).isEqualTo(200);
    JsonNode entries = JSON.readTree(log.body()).get("removals");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).toString()).isEqualTo(second.body());
    assertThat(entries.get(1).toString()).isEqualTo(first.body());
    JsonNode byUser = entries.get(1).get("by");
    assertThat(byUser.get("kind").asText()).isEqualTo("user");
    assertThat(byUser.get("name").asText()).isEqualTo(TestServer.ADMIN_EMAIL);
    assertThat(entries.get(1).get("telemetry").get("factGroups").asLong()).isEqualTo(1); // alice's D2 export
    assertThat(entries.get(0).get("telemetry").get("factGroups").asLong()).isEqualTo(4);
    assertThat(entries.get(0).get("telemetry").get("figures").get("aiLinesAdded").asLong()).isEqualTo(10 + 20 + 7);
    HttpResponse<String> one = server.send(server.api("/api/v1/data/removals/" + entries.get(0).get("id").asLong()).GET());
    assertThat(one.body()).isEqualTo(second.body());
    assertThat(server.send(server.api("/api/v1/data/removals/999").GET()).statusCode()).isEqualTo(404);
    assertThat(row("org", "Default").get("aiLinesAdded").isNull()).isTrue();
  }

  /** Exactly what the test sent with the leaked token. */
  private void assertLeakedTokensData(JsonNode t) {
    assertThat(t.get("factGroups").asLong()).isEqualTo(3);
    assertThat(t.get("points").asLong()).isEqualTo(2 * Usage.POINTS);
    assertThat(t.get("events").asLong()).isEqualTo(2);
    assertThat(t.get("days").toString()).isEqualTo("[\"" + D1 + "\",\"" + D2 + "\"]");
    assertThat(t.get("dayRowsRebuilt").asLong()).isEqualTo(3); // alice on D1 and D2, mallory on D2
    assertThat(t.get("ingestTokens").toString())
        .isEqualTo("[{\"id\":\"" + UsageExports.tokenId(leaked) + "\",\"name\":\"leaked\",\"factGroups\":3}]");
    List<String> identities = new ArrayList<>();
    t.get("identities").forEach(i -> identities.add(i.get("identifiers").toString() + " " + i.get("developer") + " "
        + i.get("factGroups")));
    assertThat(identities).containsExactlyInAnyOrder(
        "[{\"kind\":\"email\",\"value\":\"alice@example.com\"}] \"alice@example.com\" 2",
        "[{\"kind\":\"email\",\"value\":\"mallory@evil.example\"}] null 1");
    assertThat(t.get("figures").toString()).isEqualTo("{\"sessions\":0,\"aiLinesAdded\":7000,\"aiLinesRemoved\":0,"
        + "\"editsAccepted\":0,\"editsRejected\":0,\"commitsByClaudeCode\":0,\"pullRequestsByClaudeCode\":0,\"costUsd\":37.0,"
        + "\"tokens\":{\"input\":51000,\"output\":0,\"cacheRead\":0,\"cacheCreation\":0},\"activeTimeSeconds\":0.0,\"events\":2}");
  }

  private void plantHonestData() throws Exception {
    post(laptops, "metrics", UsageExports.metrics("alice@example.com", "a1", at(D1, 10), new Usage(10, 0.5, 100)));
    post(laptops, "metrics", UsageExports.metrics("alice@example.com", "a2", at(D2, 10), new Usage(20, 0.25, 50)));
    post(laptops, "metrics", UsageExports.metrics("bob@example.com", "c1", at(D1, 15), new Usage(7, 0.125, 30)));
    post(laptops, "logs", UsageExports.events("alice@example.com", "a1", at(D1, 10), 3));
  }

  private void post(String token, String signal, String body) throws Exception {
    HttpResponse<String> r = UsageExports.post(server, token, signal, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
  }

  private HttpResponse<String> remove(String body) throws Exception {
    return server.send(server.api("/api/v1/data/removals").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  // the rest of the message names the route: Authn's concern, and today it says "*" (Javalin's before-matched endpoint)
  private static void assertForbidden(HttpResponse<String> r, String message) throws Exception {
    assertThat(r.statusCode()).isEqualTo(403);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.size()).isEqualTo(2);
    assertThat(body.get("error").asText()).isEqualTo("forbidden");
    assertThat(body.get("message").asText()).startsWith(message);
  }

  private void assertBadRequest(String body, String message) throws Exception {
    HttpResponse<String> r = remove(body);
    assertThat(r.statusCode()).as(body).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"" + message + "\"}");
  }

  /** Every report an admin reads over the window, by developer, team, day and organization. */
  private List<String> reports() throws Exception {
    List<String> out = new ArrayList<>();
    for (String groupBy : List.of("developer", "team", "day", "org")) {
      out.add(server.report(FROM, TO, groupBy).toString());
    }
    return out;
  }

  private JsonNode row(String groupBy, String key) throws Exception {
    for (JsonNode r : server.report(FROM, TO, groupBy).get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no " + groupBy + " row " + key);
  }

  private List<String> unmatched() throws Exception {
    HttpResponse<String> r = server.send(server.api("/api/v1/identities/unmatched").GET());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    JSON.readTree(r.body()).get("unmatched").forEach(u -> values.add(u.get("value").asText()));
    return values;
  }

  private long developerId(String email) throws Exception {
    for (JsonNode d : JSON.readTree(server.send(server.api("/api/v1/developers").GET()).body()).get("developers")) {
      if (d.get("email").asText().equals(email)) {
        return d.get("id").asLong();
      }
    }
    throw new AssertionError("no developer " + email);
  }

  private JsonNode adminRow(String developer) throws Exception {
    HttpResponse<String> r = server.send(server.api("/api/v1/report?from=" + FROM + "&to=" + TO
        + "&groupBy=developer&source=admin_api").GET());
    for (JsonNode row : JSON.readTree(r.body()).get("rows")) {
      if (row.get("key").asText().equals(developer)) {
        return row;
      }
    }
    throw new AssertionError("no row " + developer + " in " + r.body());
  }

  private static AdminUsage adminRow(LocalDate day, ActorType type, String actor, long sessions, long lines, double cost) {
    return new AdminUsage(day, type, actor, "vscode", false, "api", sessions, lines, 0, 0, 0, Map.of(),
        List.of(new AdminUsage.ModelUsage(UsageExports.MODEL, 100, 0, 0, 0, cost)));
  }

  private static long at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toEpochSecond(ZoneOffset.UTC);
  }
}
