package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OtlpJsonDecoderTest {
  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  @Test
  void decodeMetrics_everyClaudeCodeMetric_readsNamesValuesAndAttributes() throws Exception {
    Otlp.MetricsExport export = decoder.decodeMetrics(fixture("cases/metrics-every-claude-code-metric.json"));

    Otlp.ResourceMetrics rm = export.resources().get(0);
    assertThat(rm.resource()).contains(new Otlp.KeyValue("service.name", "claude-code"),
        new Otlp.KeyValue("department", "engineering"));
    Otlp.ScopeMetrics scope = rm.scopes().get(0);
    assertThat(scope.name()).isEqualTo("com.anthropic.claude_code");
    assertThat(scope.version()).isEqualTo("2.1.230");
    assertThat(scope.metrics()).extracting(Otlp.Metric::name).containsExactly("claude_code.session.count",
        "claude_code.lines_of_code.count", "claude_code.pull_request.count", "claude_code.commit.count",
        "claude_code.cost.usage", "claude_code.token.usage", "claude_code.code_edit_tool.decision",
        "claude_code.active_time.total");
    Otlp.Metric cost = scope.metrics().get(4);
    assertThat(cost.unit()).isEqualTo("USD");
    assertThat(cost.type()).isEqualTo(Otlp.MetricType.SUM);
    assertThat(cost.temporality()).isEqualTo(1);
    assertThat(cost.monotonic()).isTrue();
    Otlp.NumberPoint p = cost.points().get(0);
    assertThat(p.value()).isEqualTo(0.4321);
    assertThat(p.valueType()).isEqualTo(Otlp.ValueType.DOUBLE);
    assertThat(p.startNanos()).isEqualTo(1_787_400_000_000_000_000L);
    assertThat(p.timeNanos()).isEqualTo(1_787_400_060_000_000_000L);
    assertThat(p.attributes()).contains(new Otlp.KeyValue("model", "claude-sonnet-5"), new Otlp.KeyValue("effort", "high"));
    assertThat(scope.metrics().get(5).points()).extracting(Otlp.NumberPoint::value).containsExactly(18234.0, 4121.0, 221045.0, 9612.0);
  }

  @Test
  void decodeMetrics_snakeCaseEnumNamesNumbersAndUnknownFields_readLeniently() throws Exception {
    Otlp.MetricsExport export = decoder.decodeMetrics(fixture("cases/metrics-cumulative-lenient.json"));

    Otlp.ResourceMetrics rm = export.resources().get(0);
    Map<String, Object> resource = map(rm.resource());
    assertThat(resource).containsEntry("flag", true).containsEntry("ratio", 0.5).containsEntry("count", 7L)
        .containsEntry("paths", List.of("/a", "/b")).containsEntry("nested", List.of(new Otlp.KeyValue("k", "v")))
        .containsEntry("empty", null);
    assertThat((byte[]) resource.get("blob")).containsExactly(0, 1, 2);
    Otlp.Metric m = rm.scopes().get(0).metrics().get(0);
    assertThat(m.temporality()).isEqualTo(2);
    assertThat(m.points()).extracting(Otlp.NumberPoint::valueType)
        .containsExactly(Otlp.ValueType.INT, Otlp.ValueType.INT, Otlp.ValueType.NONE);
    assertThat(m.points()).extracting(Otlp.NumberPoint::value).containsExactly(3.0, 5.0, 0.0);
    assertThat(m.points().get(0).timeNanos()).isEqualTo(1_787_400_060_000_000_000L); // a JSON number
    assertThat(m.points().get(1).timeNanos()).isEqualTo(1_787_400_120_000_000_000L); // a string
    assertThat(m.points().get(2).noRecordedValue()).isTrue();
  }

  @Test
  void decodeMetrics_int64AsStringOrNumber_sameValue() throws Exception {
    String template = "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"x\",\"gauge\":{\"dataPoints\":"
        + "[{\"timeUnixNano\":%s,\"asInt\":%s}]}}]}]}]}";
    Otlp.NumberPoint asStrings = onlyPoint(decoder.decodeMetrics(json(String.format(template, "\"9223372036854775807\"", "\"-5\""))));
    Otlp.NumberPoint asNumbers = onlyPoint(decoder.decodeMetrics(json(String.format(template, "9223372036854775807", "-5"))));

    assertThat(asStrings).isEqualTo(asNumbers);
    assertThat(asNumbers.timeNanos()).isEqualTo(Long.MAX_VALUE);
    assertThat(asNumbers.intValue()).isEqualTo(-5);
  }

  @Test
  void decodeMetrics_otherMetricKinds_countTheirPointsOnly() throws Exception {
    Otlp.MetricsExport export = decoder.decodeMetrics(fixture("spec-examples/metrics.json"));

    List<Otlp.Metric> metrics = export.resources().get(0).scopes().get(0).metrics();
    assertThat(metrics).extracting(Otlp.Metric::type).containsExactly(Otlp.MetricType.SUM, Otlp.MetricType.GAUGE,
        Otlp.MetricType.HISTOGRAM, Otlp.MetricType.EXPONENTIAL_HISTOGRAM);
    assertThat(metrics.get(2).otherPoints()).isPositive();
    assertThat(metrics.get(2).points()).isEmpty();
    Otlp.Metric summary = decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"s\","
        + "\"summary\":{\"dataPoints\":[{\"count\":\"2\",\"quantileValues\":[{\"quantile\":0.5,\"value\":1}]},{}]}}]}]}]}"))
        .resources().get(0).scopes().get(0).metrics().get(0);
    assertThat(summary.type()).isEqualTo(Otlp.MetricType.SUMMARY);
    assertThat(summary.otherPoints()).isEqualTo(2);
  }

  @Test
  void decodeLogs_mainEvents_bodyNameAttributesOfEveryType() throws Exception {
    Otlp.LogsExport export = decoder.decodeLogs(fixture("cases/logs-main-events.json"));

    List<Otlp.LogRecord> records = export.resources().get(0).scopes().get(0).records();
    assertThat(records).extracting(Otlp.LogRecord::body).containsExactly("claude_code.user_prompt",
        "claude_code.api_request", "claude_code.api_error", "claude_code.tool_decision", "claude_code.tool_result");
    assertThat(records.get(0).severityNumber()).isEqualTo(9);
    assertThat(records.get(0).timeNanos()).isEqualTo(1_787_400_012_345_000_000L);
    assertThat(map(records.get(0).attributes())).containsEntry("event.sequence", 41L)
        .containsEntry("workspace.host_paths", List.of("/home/jane/src"));
    assertThat(map(records.get(1).attributes())).containsEntry("cost_usd", 0.0412).containsEntry("output_tokens", 310L)
        .containsEntry("duration_ms", "5230");
    assertThat(map(records.get(4).attributes())).containsEntry("enabled_via_override", false);
  }

  @Test
  void decode_realClaudeCodeSession_sumsToItsExpectedTotals() throws Exception {
    Map<String, Double> totals = new TreeMap<>();
    Map<String, Double> byAttributes = new TreeMap<>();
    try (Stream<Path> files = Files.list(resource("claude-code-2.1.197"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith("metrics.json")).sorted().toList()) {
        for (Otlp.ResourceMetrics rm : decoder.decodeMetrics(Files.readAllBytes(f)).resources()) {
          for (Otlp.ScopeMetrics sm : rm.scopes()) {
            for (Otlp.Metric m : sm.metrics()) {
              assertThat(m.temporality()).isEqualTo(1);
              for (Otlp.NumberPoint p : m.points()) {
                totals.merge(m.name(), p.value(), Double::sum);
                byAttributes.merge(m.name() + selected(p.attributes()), p.value(), Double::sum);
              }
            }
          }
        }
      }
    }
    JsonNode expected = new ObjectMapper().readTree(resource("claude-code-2.1.197/expected-totals.json").toFile());
    expected.get("session_totals").fields().forEachRemaining(e ->
        assertThat(totals.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), org.assertj.core.data.Offset.offset(1e-9)));
    expected.get("session_totals_by_attribute").fields().forEachRemaining(e ->
        assertThat(byAttributes.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void decode_realClaudeCodeLogsAndSpecExamples_allDecode() throws Exception {
    try (Stream<Path> files = Files.list(resource("claude-code-2.1.197"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith("logs.json")).toList()) {
        assertThat(decoder.decodeLogs(Files.readAllBytes(f)).resources()).isNotEmpty();
      }
    }
    assertThat(decoder.decodeLogs(fixture("spec-examples/logs.json")).resources()).isNotEmpty();
    assertThat(decoder.decodeLogs(fixture("spec-examples/events.json")).resources()).isNotEmpty();
    assertThat(decoder.decodeMetrics(fixture("spec-examples/trace.json")).resources()).isEmpty(); // other signal: nothing
  }

  @Test
  void decode_emptyObject_isAnEmptyExport() throws Exception {
    assertThat(decoder.decodeMetrics(json("{}")).resources()).isEmpty();
    assertThat(decoder.decodeLogs(json(" { } ")).resources()).isEmpty();
    assertThat(decoder.decodeMetrics(json("{\"resourceMetrics\":null}")).resources()).isEmpty();
  }

  @Test
  void decode_malformed_saysWhatAndWhere() {
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"scopeMetrics\":[")))
        .isInstanceOf(OtlpDecodeException.class).hasMessageContaining("malformed JSON").hasMessageContaining("line 1");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("[]"))).hasMessageContaining("expected a JSON object at the top level");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"resourceMetrics\":\"x\"}")))
        .hasMessageContaining("resourceMetrics: expected an array, got a string");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"m\","
        + "\"sum\":{\"dataPoints\":5}}]}]}]}")))
        .hasMessageContaining("resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints: expected an array, got a number");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"m\","
        + "\"sum\":{\"dataPoints\":[{},{\"timeUnixNano\":\"abc\"}]}}]}]}]}")))
        .hasMessage("resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1].timeUnixNano: expected an integer, got \"abc\"");
    assertThatThrownBy(() -> decoder.decodeLogs(json("{\"resourceLogs\":[]} trailing")))
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> decoder.decodeLogs(json("")))
        .hasMessageContaining("expected a JSON object at the top level, got the end of the body");
  }

  private static Otlp.NumberPoint onlyPoint(Otlp.MetricsExport e) {
    return e.resources().get(0).scopes().get(0).metrics().get(0).points().get(0);
  }

  /** The attribute set expected-totals.json keys by: decision, tool_name, source, type, query_source. */
  private static String selected(List<Otlp.KeyValue> attributes) {
    Map<String, Object> m = map(attributes);
    StringBuilder sb = new StringBuilder();
    for (String k : List.of("decision", "tool_name", "source", "type", "query_source")) {
      if (m.containsKey(k)) {
        sb.append(sb.isEmpty() ? "{" : ",").append(k).append('=').append(m.get(k));
      }
    }
    return sb.isEmpty() ? "" : sb.append('}').toString();
  }

  static Map<String, Object> map(List<Otlp.KeyValue> attributes) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    attributes.forEach(kv -> m.put(kv.key(), kv.value()));
    return m;
  }

  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] fixture(String path) {
    try {
      return Files.readAllBytes(resource(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String path) {
    try {
      return Path.of(OtlpJsonDecoderTest.class.getClassLoader().getResource("otlp/" + path).toURI());
    } catch (Exception e) {
      throw new IllegalArgumentException("no test resource otlp/" + path, e);
    }
  }
}
