package dev.yardstick.ingest.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Admin API integration end to end against the local fake, on every database. */
abstract class AnthropicContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  static final LocalDate FROM = TODAY.minusDays(6);

  TestDatabases.Target target;
  AdminDataset data;
  FakeAdminApi fake;
  Path dataDir;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() throws Exception {
    target = newTarget();
    data = new AdminDataset(40, 7);
    fake = new FakeAdminApi(data, 25);
    dataDir = Files.createTempDirectory("yardstick-anthropic");
  }

  @AfterEach
  void tearDown() {
    fake.close();
    TestDatabases.drop(target);
  }

  TestServer server() throws Exception {
    return TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString(),
        "YARDSTICK_DATA_DIR", dataDir.toString()));
  }

  static HttpResponse<String> call(TestServer s, String method, String path, String body) throws Exception {
    return s.send(s.api(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  static void connect(TestServer s, String key, LocalDate from) throws Exception {
    HttpResponse<String> r = call(s, "PUT", "/api/v1/integrations/anthropic",
        "{\"adminApiKey\":\"" + key + "\",\"backfillFrom\":\"" + from + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** Starts a sync and waits for its end; returns the status. */
  static JsonNode sync(TestServer s, String body) throws Exception {
    HttpResponse<String> started = call(s, "POST", "/api/v1/integrations/anthropic/sync", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return awaitSync(s);
  }

  static JsonNode awaitSync(TestServer s) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body());
      if (!status.path("sync").path("state").asText().equals("running")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the sync did not end");
  }

  /** The report's organization totals from the Admin API, as the fake's totals are keyed. */
  static Map<String, Double> reportTotals(TestServer s, String source) throws Exception {
    HttpResponse<String> r = s.send(s.api("/api/v1/report?from=" + FROM.minusDays(3) + "&to=" + TODAY + "&groupBy=org&source=" + source).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode row = JSON.readTree(r.body()).get("rows").get(0);
    Map<String, Double> t = new HashMap<>();
    for (String f : new String[] {"sessions", "aiLinesAdded", "aiLinesRemoved", "commitsByClaudeCode",
        "pullRequestsByClaudeCode", "editsAccepted", "editsRejected"}) {
      t.put(f, row.get(f).asDouble());
    }
    row.get("tokens").properties().forEach(e -> t.put("tokens." + e.getKey(), e.getValue().asDouble()));
    t.put("costCents", Math.round(row.get("costUsd").asDouble() * 100.0) * 1.0);
    return t;
  }

  @Test
  void backfill_throughPagesAnd429And500_equalsTheFakeFieldByField_andASecondSyncChangesNothing() throws Exception {
    try (TestServer s = server()) {
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      fake.fail(new FakeAdminApi.Fault(429, "rate_limit_error", "1"), new FakeAdminApi.Fault(500, "api_error", null),
          new FakeAdminApi.Fault(529, "overloaded_error", null));
      JsonNode status = sync(s, null);

      assertThat(status.path("sync").path("state").asText()).as(status.toString()).isEqualTo("done");
      assertThat(status.path("lastError").isNull()).isTrue();
      assertThat(status.path("backfilledThrough").asText()).isEqualTo(TODAY.toString());
      assertThat(status.path("backfillDays").path("percent").asInt()).isEqualTo(100);
      assertThat(fake.requests() - fake.dataAnswers()).isEqualTo(3); // every fault was retried
      assertThat(status.path("sync").path("pages").asLong()).isGreaterThan(7); // more than one page a day
      Map<String, Double> expected = data.totals(FROM, TODAY);
      assertThat(reportTotals(s, "admin_api")).isEqualTo(expected);
      assertThat(reportTotals(s, "merged")).isEqualTo(expected);

      String rowsBefore = s.queryOne("SELECT COUNT(*) FROM anthropic_activity");
      sync(s, "{\"from\":\"" + FROM + "\",\"to\":\"" + TODAY + "\"}");
      assertThat(reportTotals(s, "admin_api")).isEqualTo(expected);
      assertThat(s.queryOne("SELECT COUNT(*) FROM anthropic_activity")).isEqualTo(rowsBefore);
    }
  }

  @Test
  void repoll_replacesADayThatGrew_neverAdds() throws Exception {
    try (TestServer s = server()) {
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      sync(s, null);
      data.grow(TODAY.minusDays(1));
      sync(s, "{\"from\":\"" + TODAY.minusDays(2) + "\",\"to\":\"" + TODAY + "\"}");
      assertThat(reportTotals(s, "admin_api")).isEqualTo(data.totals(FROM, TODAY));
    }
  }

  @Test
  void restartMidBackfill_resumesFromThePersistedDay_withTheSameTotals() throws Exception {
    LocalDate from = TODAY.minusDays(20);
    try (TestServer s = server()) {
      connect(s, FakeAdminApi.ADMIN_KEY, from);
      fake.delay(40);
      call(s, "POST", "/api/v1/integrations/anthropic/sync", null);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body()).path("sync").path("daysDone").asInt() < 3) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }
    } // the server stops mid-backfill
    fake.delay(0);
    try (TestServer s = server()) {
      JsonNode before = JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body());
      LocalDate reached = LocalDate.parse(before.path("backfilledThrough").asText());
      assertThat(reached).isAfterOrEqualTo(from.plusDays(2)).isBefore(TODAY);
      JsonNode status = sync(s, null);
      assertThat(status.path("sync").path("from").asText()).isEqualTo(reached.plusDays(1).toString());
      assertThat(status.path("backfilledThrough").asText()).isEqualTo(TODAY.toString());
      Map<String, Double> expected = data.totals(from, TODAY);
      HttpResponse<String> r = s.send(s.api("/api/v1/report?from=" + from + "&to=" + TODAY + "&groupBy=org&source=admin_api").GET());
      assertThat(JSON.readTree(r.body()).get("rows").get(0).get("sessions").asDouble()).isEqualTo(expected.get("sessions"));
      assertThat(JSON.readTree(r.body()).get("rows").get(0).get("aiLinesAdded").asDouble()).isEqualTo(expected.get("aiLinesAdded"));
    }
  }
}
