package dev.yardstick.web;

import static dev.yardstick.testing.OtlpExports.Point.cumulative;
import static dev.yardstick.testing.OtlpExports.Point.delta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Answer;
import dev.yardstick.testing.OtlpExports.Event;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.OtlpExports.Transport;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plausibility limits at ingest, over real HTTP (JSON and protobuf) and gRPC, on every database: an
 * implausible point or event is refused through OTLP partial success with a message saying which
 * limit, counted in /metrics, and never stored; the good points of the same export are kept.
 */
abstract class PlausibilityContract {
  private static final String LINES = "claude_code.lines_of_code.count";
  private TestDatabases.Target target;
  private TestServer server;
  private String token;
  private Instant now;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void start() throws Exception {
    target = newTarget();
    server = TestServer.start(target);
    token = server.newIngestToken("laptops");
    now = server.clock().instant().minusSeconds(600);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    TestDatabases.drop(target);
  }

  @Test
  void hugeLinesPoint_sentTwice_isRefused_andTheReportKeepsTheTrueTotals() throws Exception {
    String message = LINES + ": value 1.0E300 is above the plausibility limit of 1,000,000 lines per point";
    for (String session : List.of("s1", "s2")) {
      Answer a = OtlpExports.send(server, token, Transport.HTTP_JSON, OtlpExports.metrics("jane@example.com", session, List.of(
          delta(LINES, now, 12, "type", "added"), delta(LINES, now, 1e300, "type", "added"))));
      assertThat(a).isEqualTo(new Answer(200, 1, message));
    }
    Answer retry = OtlpExports.send(server, token, Transport.HTTP_JSON, OtlpExports.metrics("jane@example.com", "s1", List.of(
        delta(LINES, now, 12, "type", "added"), delta(LINES, now, 1e300, "type", "added"))));

    assertThat(retry).isEqualTo(new Answer(200, 1, message));
    assertThat(row("jane@example.com", "developer").get("aiLinesAdded").asLong()).isEqualTo(24);
    assertThat(row("Default", "org").get("aiLinesAdded").asLong()).isEqualTo(24);
    assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups WHERE payload LIKE '%E300%'")).isEqualTo("0");
    assertThat(metrics()).contains("yardstick_ingest_rejected_total{reason=\"lines\",signal=\"metrics\"} 3.0");
  }

  @Test
  void everyLimit_refusesTheSamePoints_overJsonProtobufAndGrpc_andKeepsTheGoodPointsBesideThem() throws Exception {
    Instant old = now.minus(Duration.ofDays(31));
    Instant ahead = now.plus(Duration.ofDays(2));
    Instant start = now.minus(Duration.ofHours(2));
    List<Case> cases = List.of(
        new Case(delta(LINES, now, 1_000_001, "type", "added"),
            LINES + ": value 1,000,001 is above the plausibility limit of 1,000,000 lines per point", "lines"),
        new Case(delta("claude_code.token.usage", now, 10_000_000_001d, "type", "cacheRead"),
            "claude_code.token.usage: value 10,000,000,001 is above the plausibility limit of 10,000,000,000 tokens per point", "tokens"),
        new Case(delta("claude_code.cost.usage", now, 10_000.5, "model", "claude-sonnet-5"),
            "claude_code.cost.usage: value 10000.5 is above the plausibility limit of 10,000 USD per point", "cost"),
        new Case(delta("claude_code.active_time.total", now, 100_001, "type", "cli"),
            "claude_code.active_time.total: value 100,001 is above the plausibility limit of 100,000 seconds per point", "active_time"),
        new Case(delta("claude_code.commit.count", now, 100_001),
            "claude_code.commit.count: value 100,001 is above the plausibility limit of 100,000 commits per point", "actions"),
        new Case(cumulative(LINES, start, now, 2_000_001, "type", "added"), LINES + ": value 2,000,001 is above the"
            + " plausibility limit of 2,000,000 lines for the 2 hours this running total covers", "lines"),
        new Case(delta(LINES, now, -5, "type", "added").nonMonotonic(),
            LINES + ": value -5 is negative (Claude Code's metrics only count up)", "negative"),
        new Case(delta(LINES, now, Double.NaN, "type", "added"), LINES + ": data point value is not a finite number", "invalid"),
        new Case(delta(LINES, now, Double.POSITIVE_INFINITY, "type", "added"),
            LINES + ": data point value is not a finite number", "invalid"),
        new Case(delta(LINES, old, 1, "type", "added"),
            LINES + ": timeUnixNano " + old + " is more than 30 days in the past", "time"),
        new Case(delta(LINES, ahead, 1, "type", "added"),
            LINES + ": timeUnixNano " + ahead + " is more than 1 day in the future", "time"),
        new Case(delta(LINES, now, 1, "type", "added").withTimes(0, Long.MAX_VALUE),
            LINES + ": timeUnixNano 2262-04-11T23:47:16.854775807Z is more than 1 day in the future", "time"),
        new Case(delta(LINES, now, 1, "type", "added").withTimes(OtlpExports.nanos(now) + 1, OtlpExports.nanos(now)),
            LINES + ": startTimeUnixNano is after timeUnixNano", "invalid"));

    for (Transport t : Transport.values()) {
      String email = t.name().toLowerCase().replace('_', '-') + "@example.com";
      int ok = t == Transport.GRPC ? 0 : 200;
      for (int i = 0; i < cases.size(); i++) {
        Answer a = OtlpExports.send(server, token, t, OtlpExports.metrics(email, "s" + i, List.of(
            delta(LINES, now.plusSeconds(i), 1, "type", "added"), cases.get(i).point())));
        assertThat(a).as(t + " " + i).isEqualTo(new Answer(ok, 1, cases.get(i).message()));
      }
      // at the limits: everything passes
      Answer limits = OtlpExports.send(server, token, t, OtlpExports.metrics(email, "at-limits", List.of(
          delta(LINES, now, 1_000_000, "type", "added"), delta("claude_code.token.usage", now, 10_000_000_000d, "type", "input"),
          delta("claude_code.cost.usage", now, 10_000), delta("claude_code.active_time.total", now, 100_000, "type", "user"),
          delta("claude_code.commit.count", now, 100_000), cumulative(LINES, start, now, 2_000_000, "type", "removed"),
          delta(LINES, now.minus(Duration.ofDays(29)), 1, "type", "removed"),
          delta(LINES, now.plus(Duration.ofHours(20)), 1, "type", "removed"))));
      assertThat(limits).as(t.toString()).isEqualTo(new Answer(ok, 0, ""));

      JsonNode r = row(email, "developer");
      assertThat(r.get("aiLinesAdded").asLong()).as(t.toString()).isEqualTo(cases.size() + 1_000_000L);
      assertThat(r.get("aiLinesRemoved").asLong()).isEqualTo(2_000_002L);
      assertThat(r.get("tokens").get("input").asLong()).isEqualTo(10_000_000_000L);
      assertThat(r.get("tokens").get("cacheRead").asLong()).isZero();
      assertThat(r.get("costUsd").asDouble()).isEqualTo(10_000.0);
      assertThat(r.get("activeTimeSeconds").asDouble()).isEqualTo(100_000.0);
      assertThat(r.get("commitsByClaudeCode").asLong()).isEqualTo(100_000L);
    }
    String m = metrics();
    for (String reason : cases.stream().map(Case::reason).distinct().toList()) {
      long n = 3 * cases.stream().filter(c -> c.reason().equals(reason)).count();
      assertThat(m).contains("yardstick_ingest_rejected_total{reason=\"" + reason + "\",signal=\"metrics\"} " + n + ".0");
    }
  }

  private record Case(Point point, String message, String reason) {}

  @Test
  void cumulativeSeries_whoseRunningTotalJumps_hasThatPointRefused_andCountsOnFromTheNewTotal() throws Exception {
    Instant start = now.minus(Duration.ofHours(3)); // a long run: its total alone may be large, not its rise in a minute
    Answer first = cumulativeLines(start, now.minus(Duration.ofMinutes(20)), 100);
    Answer jump = cumulativeLines(start, now.minus(Duration.ofMinutes(19)), 1_500_100);
    Answer after = cumulativeLines(start, now.minus(Duration.ofMinutes(18)), 1_500_150);
    Answer retried = cumulativeLines(start, now.minus(Duration.ofMinutes(19)), 1_500_100);

    assertThat(first).isEqualTo(new Answer(200, 0, ""));
    assertThat(jump).isEqualTo(new Answer(200, 1, LINES + ": the running total rose by 1,500,000, above the plausibility"
        + " limit of 1,000,000 lines for the 1 hour since its previous point"));
    assertThat(after).isEqualTo(new Answer(200, 0, ""));
    assertThat(retried).isEqualTo(new Answer(200, 0, "")); // already received: counted once, as any retry
    assertThat(row("jane@example.com", "developer").get("aiLinesAdded").asLong()).isEqualTo(150);
    assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups WHERE payload LIKE '%1500150%'")).isEqualTo("1");
    assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups WHERE payload LIKE '%1500100%'")).isEqualTo("0");
    assertThat(metrics()).contains("yardstick_ingest_rejected_total{reason=\"lines\",signal=\"metrics\"} 1.0");
  }

  private Answer cumulativeLines(Instant start, Instant time, double total) throws Exception {
    return OtlpExports.send(server, token, Transport.HTTP_JSON, OtlpExports.metrics("jane@example.com", "c1", List.of(
        cumulative(LINES, start, time, total, "type", "added"))));
  }

  @Test
  void implausibleEvents_areRefused_overJsonProtobufAndGrpc_andTheGoodEventsBesideThemAreKept() throws Exception {
    Instant old = now.minus(Duration.ofDays(31));
    List<List<Object>> cases = List.of(
        List.of(Event.of("api_request", now, "model", "claude-sonnet-5", "cost_usd", 1e300),
            "log record claude_code.api_request: cost_usd 1.0E300 is above the plausibility limit of 1,000 USD per event"),
        List.of(Event.of("api_request", now, "input_tokens", "12000000"),
            "log record claude_code.api_request: input_tokens 12,000,000 is above the plausibility limit of 10,000,000 tokens per event"),
        List.of(Event.of("tool_result", now, "tool_name", "Bash", "duration_ms", -1L),
            "log record claude_code.tool_result: duration_ms -1 is negative"),
        List.of(Event.of("api_request", now, "cost_usd", "lots"), "log record claude_code.api_request: cost_usd \"lots\" is not a number"),
        List.of(Event.of("api_request", now, "cost_usd", Double.POSITIVE_INFINITY),
            "log record claude_code.api_request: cost_usd Infinity is not a finite number"),
        List.of(Event.of("api_request", old, "cost_usd", 0.5),
            "log record claude_code.api_request: time " + old + " is more than 30 days in the past"));
    for (Transport t : Transport.values()) {
      for (int i = 0; i < cases.size(); i++) {
        Answer a = OtlpExports.send(server, token, t, OtlpExports.logs("events@example.com", t + "-" + i, List.of(
            Event.of("api_request", now.plusSeconds(i), "cost_usd", 0.0412, "input_tokens", 1200L, "duration_ms", "5230"),
            (Event) cases.get(i).get(0))));
        assertThat(a).as(t + " " + i).isEqualTo(new Answer(t == Transport.GRPC ? 0 : 200, 1, (String) cases.get(i).get(1)));
      }
    }

    assertThat(server.queryOne("SELECT SUM(events) FROM identity_days")).isEqualTo(Integer.toString(3 * cases.size()));
    assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups WHERE payload LIKE '%lots%' OR payload LIKE '%E300%'"))
        .isEqualTo("0");
    assertThat(metrics()).contains("yardstick_ingest_rejected_total{reason=\"cost\",signal=\"logs\"} 3.0")
        .contains("yardstick_ingest_rejected_total{reason=\"time\",signal=\"logs\"} 3.0");
  }

  private JsonNode row(String key, String groupBy) throws Exception {
    if (groupBy.equals("developer")) {
      server.developer(key);
    }
    LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
    for (JsonNode r : server.report(today.minusDays(40).toString(), today.plusDays(2).toString(), groupBy).get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no row " + key);
  }

  private String metrics() throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
  }
}
