package dev.yardstick.ingest.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Admin API integration end to end against the local fake, on every database. */
abstract class AnthropicContract extends AdminApiFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = TestClock.today(); // the test servers' today
  static final LocalDate FROM = TODAY.minusDays(6);

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

  @Test
  void theKey_isNeverInLogsApiAnswersOrTheDatabaseInClear() throws Exception {
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var captured = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    captured.start();
    root.addAppender(captured);
    var before = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    StringBuilder answers = new StringBuilder();
    try (TestServer s = server()) {
      answers.append(call(s, "PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\"}").body());
      fake.fail(new FakeAdminApi.Fault(401, "authentication_error", null));
      answers.append(sync(s, "{\"from\":\"" + TODAY + "\",\"to\":\"" + TODAY + "\"}"));
      answers.append(call(s, "POST", "/api/v1/integrations/anthropic/test", null).body());
      answers.append(call(s, "GET", "/api/v1/integrations/anthropic", null).body());
      assertThat(answers.toString()).contains("\"keyLast4\":\"WXYZ\"").contains("refused");
      assertThat(everyValueInTheDatabase(s)).contains("v1:").doesNotContain(FakeAdminApi.ADMIN_KEY)
          .doesNotContain(FakeAdminApi.ADMIN_KEY.substring(0, 24));
    } finally {
      root.detachAppender(captured);
      root.setLevel(before);
    }
    assertThat(answers.toString()).doesNotContain(FakeAdminApi.ADMIN_KEY.substring(0, 24));
    assertThat(captured.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).doesNotContain(FakeAdminApi.ADMIN_KEY.substring(0, 24)));
  }

  /** Every text value of every table of the server's schema, concatenated. */
  private String everyValueInTheDatabase(TestServer s) throws Exception {
    StringBuilder all = new StringBuilder();
    try (var c = java.sql.DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null))) {
      var tables = new java.util.ArrayList<String>();
      try (var rs = c.getMetaData().getTables(null, target.schema() == null ? "PUBLIC" : target.schema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).anyMatch(t -> t.equalsIgnoreCase("anthropic_integrations"));
      for (String t : tables) {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              all.append(rs.getString(i)).append('\n');
            }
          }
        }
      }
    }
    return all.toString();
  }

  @Test
  void testConnection_saysWhatHappenedInPlainWords() throws Exception {
    try (TestServer s = server()) {
      assertThat(call(s, "POST", "/api/v1/integrations/anthropic/test", null).body()).contains("NOT_CONFIGURED");
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      assertThat(JSON.readTree(call(s, "POST", "/api/v1/integrations/anthropic/test", null).body()).path("outcome").asText())
          .isIn("OK", "NO_DATA");
      fake.fail(new FakeAdminApi.Fault(401, "authentication_error", null)); // revoked since it was saved
      JsonNode wrong = JSON.readTree(call(s, "POST", "/api/v1/integrations/anthropic/test", null).body());
      assertThat(wrong.path("ok").asBoolean()).isFalse();
      assertThat(wrong.path("outcome").asText()).isEqualTo("WRONG_KEY");
      assertThat(wrong.path("message").asText()).contains("wrong, revoked or expired");
      fake.fail(new FakeAdminApi.Fault(403, "permission_error", null));
      assertThat(JSON.readTree(call(s, "POST", "/api/v1/integrations/anthropic/test", null).body()).path("outcome").asText())
          .isEqualTo("NOT_ADMIN");
      assertThat(call(s, "PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"x y\"}").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void actors_resolveThroughAliases_unknownOnesWaitInTheUnmatchedQueue() throws Exception {
    try (TestServer s = server()) {
      s.developer(AdminDataset.email(1));
      s.developer("owner@example.com");
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      sync(s, null);
      JsonNode unmatched = JSON.readTree(call(s, "GET", "/api/v1/identities/unmatched", null).body());
      assertThat(unmatched.toString()).contains(AdminDataset.keyName(4)).contains("admin-api")
          .contains(AdminDataset.email(2)).doesNotContain("\"" + AdminDataset.email(1) + "\"");
      double keyTotal = 0;
      for (LocalDate d = FROM; !d.isAfter(TODAY); d = d.plusDays(1)) {
        keyTotal += data.rows(d).stream().filter(r -> r.actor().equals(AdminDataset.keyName(4))).mapToLong(r -> r.sessions()).sum();
      }
      JsonNode owner = JSON.readTree(call(s, "GET", "/api/v1/developers", null).body());
      String ownerId = null;
      for (JsonNode d : owner.path("developers")) {
        if (d.path("email").asText().equals("owner@example.com")) {
          ownerId = d.path("id").asText();
        }
      }
      HttpResponse<String> linked = call(s, "POST", "/api/v1/developers/" + ownerId + "/aliases",
          "{\"kind\":\"api_key_name\",\"value\":\"" + AdminDataset.keyName(4) + "\"}");
      assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
      JsonNode byDev = s.report(FROM.toString(), TODAY.toString(), "developer");
      double ownerSessions = -1;
      for (JsonNode row : byDev.get("rows")) {
        if (row.get("key").asText().equals("owner@example.com")) {
          ownerSessions = row.get("sessions").asDouble();
        }
      }
      assertThat(ownerSessions).isEqualTo(keyTotal);
    }
  }

  @Test
  void sameDeveloperAndDay_inBothSources_isCountedOnce_fieldBySourceRule() throws Exception {
    try (TestServer s = server()) {
      String email = AdminDataset.email(1);
      s.developer(email);
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      sync(s, null);
      LocalDate day = FROM;
      while (data.rows(day).stream().noneMatch(r -> r.actor().equals(email) && r.commits() > 0)) {
        day = day.plusDays(1); // a day the developer has Admin API data
      }
      long adminCommits = data.rows(day).stream().filter(r -> r.actor().equals(email)).mapToLong(r -> r.commits()).sum();
      long adminSessions = data.rows(day).stream().filter(r -> r.actor().equals(email)).mapToLong(r -> r.sessions()).sum();
      String token = s.newIngestToken("laptops");
      long t = day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
      HttpResponse<String> r = s.send(HttpRequest.newBuilder(java.net.URI.create(s.url("/otel/v1/metrics")))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(telemetry(email, t, 1000, 420))));
      assertThat(r.statusCode()).isEqualTo(200);

      JsonNode merged = row(s, day, "merged", email);
      JsonNode tel = row(s, day, "telemetry", email);
      JsonNode adm = row(s, day, "admin_api", email);
      assertThat(tel.get("commitsByClaudeCode").asLong()).isEqualTo(1000);
      assertThat(adm.get("commitsByClaudeCode").asLong()).isEqualTo(adminCommits);
      assertThat(merged.get("commitsByClaudeCode").asLong()).isEqualTo(adminCommits); // not the sum
      assertThat(merged.get("sessions").asLong()).isEqualTo(adminSessions);
      assertThat(merged.get("activeTimeSeconds").asDouble()).isEqualTo(420.0); // only telemetry has it
      assertThat(adm.get("activeTimeSeconds").isNull()).as(adm.toString()).isTrue(); // unknown, not 0
      assertThat(adm.get("sessions").asLong()).isEqualTo(adminSessions);
      LocalDate adminOnly = FROM;
      while (adminOnly.equals(day) || data.rows(adminOnly).stream().noneMatch(x -> x.actor().equals(email))) {
        adminOnly = adminOnly.plusDays(1); // a day with Admin API data and no telemetry
      }
      JsonNode mergedAdminOnly = row(s, adminOnly, "merged", email);
      assertThat(mergedAdminOnly.get("activeTimeSeconds").isNull()).as(mergedAdminOnly.toString()).isTrue();
      assertThat(mergedAdminOnly.get("sessions").isNumber()).isTrue();
    }
  }

  private static JsonNode row(TestServer s, LocalDate day, String source, String key) throws Exception {
    HttpResponse<String> r = s.send(s.api("/api/v1/report?from=" + day + "&to=" + day + "&groupBy=developer&source=" + source).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode row : JSON.readTree(r.body()).get("rows")) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + r.body());
  }

  /** A delta export with commit.count and active_time for one user at a second. */
  static String telemetry(String email, long epochSecond, int commits, int activeSeconds) {
    String attrs = "[{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email + "\"}},"
        + "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"s-" + epochSecond + "\"}}]";
    String point = "\"startTimeUnixNano\":\"" + (epochSecond - 60) + "000000000\",\"timeUnixNano\":\"" + epochSecond + "000000000\"";
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"claude-code\"}}]},"
        + "\"scopeMetrics\":[{\"metrics\":[{\"name\":\"claude_code.commit.count\",\"sum\":{\"aggregationTemporality\":1,"
        + "\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":" + attrs + "," + point + ",\"asDouble\":" + commits + "}]}},"
        + "{\"name\":\"claude_code.active_time.total\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,"
        + "\"dataPoints\":[{\"attributes\":" + attrs + "," + point + ",\"asDouble\":" + activeSeconds + "}]}}]}]}]}";
  }

  @Test
  void aSecondServerWithAnotherKey_refusesToStart_namingTheVariable() throws Exception {
    try (TestServer s = server()) {
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
    }
    java.nio.file.Path elsewhere = Files.createTempDirectory("yardstick-other-key");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", elsewhere.toString())))
        .hasMessageContaining("YARDSTICK_SECRET_KEY");
  }
}
