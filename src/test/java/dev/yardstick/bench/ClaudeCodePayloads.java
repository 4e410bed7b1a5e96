package dev.yardstick.bench;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Claude-Code-shaped exports of one simulated developer: metrics of 1 to 8 KB and event batches of
 * 5 to 10 KB in OTLP/JSON (about half that in protobuf), with new timestamps on every call, as a
 * real client's exports carry.
 * Every metrics export holds exactly one commit.count point of 1, so totals can be checked.
 */
final class ClaudeCodePayloads {
  private static final String[] MODELS = {"claude-sonnet-5", "claude-opus-4-8", "claude-haiku-4-5"};
  private static final String[] TOOLS = {"Edit", "Write", "NotebookEdit"};
  private static final String[] LANGUAGES = {"Java", "TypeScript", "Python", "Go"};

  private final String email;
  private final String userId;
  private final String accountUuid;
  private final int customAttributes;
  private final SplittableRandom random;
  private String session;
  private int exportsInSession;
  private long sequence;
  private long clockNanos;

  /** @param seed varies the sessions and values between runs, so that two runs never send the same data */
  ClaudeCodePayloads(int developer, long startEpochSecond, long seed) {
    this.email = String.format("dev%04d@example.com", developer);
    this.userId = Long.toHexString(0x5eed0000L + developer * 7919L) + "a".repeat(48);
    this.accountUuid = "1f0e4b0a-8a3c-4f3e-9b51-" + String.format("%012d", developer);
    this.customAttributes = developer % 2;
    this.random = new SplittableRandom(seed * 1_000_003L + developer);
    this.clockNanos = (startEpochSecond + developer) * 1_000_000_000L;
    newSession();
  }

  private void newSession() {
    session = String.format("%08x-1111-4a2b-9c3d-%012x", random.nextInt() & 0x7fffffff, random.nextLong() & 0xffffffffffffL);
    exportsInSession = 0;
  }

  /** One point of a metric, with its metric-specific attributes. */
  private record Point(String metric, String unit, double value, Map<String, String> attrs) {}

  /** The next metrics export (JSON or protobuf bytes) and how many points it holds. */
  Export metrics(boolean json) {
    if (++exportsInSession > 20) {
      newSession();
    }
    long start = clockNanos;
    clockNanos += 60_000_000_000L;
    List<Point> points = new ArrayList<>();
    points.add(new Point("claude_code.commit.count", "", 1, Map.of()));
    int activity = random.nextInt(4); // 0: one point, about 1 KB of JSON ... 3: seven points, about 8 KB
    String model = MODELS[random.nextInt(MODELS.length)];
    if (activity >= 1) {
      points.add(new Point("claude_code.active_time.total", "s", 10 + random.nextInt(300), Map.of("type", "user")));
      points.add(new Point("claude_code.cost.usage", "USD", random.nextDouble() / 10, Map.of("model", model, "query_source", "main")));
    }
    if (activity >= 2) {
      for (String type : new String[] {"input", "output"}) {
        points.add(new Point("claude_code.token.usage", "tokens", random.nextInt(50_000),
            Map.of("type", type, "model", model, "query_source", "main")));
      }
    }
    if (activity == 3) {
      points.add(new Point("claude_code.lines_of_code.count", "", random.nextInt(200), Map.of("type", "added")));
      points.add(new Point("claude_code.code_edit_tool.decision", "", 1 + random.nextInt(5), Map.of("tool_name",
          TOOLS[random.nextInt(2)], "decision", "accept", "source", "config", "language", LANGUAGES[random.nextInt(4)])));
    }
    if (exportsInSession == 1) {
      points.add(new Point("claude_code.session.count", "", 1, Map.of("start_type", "fresh")));
    }
    return json ? new Export(metricsJson(points, start, clockNanos), points.size())
        : new Export(metricsProto(points, start, clockNanos), points.size());
  }

  /** The next batch of 4 to 7 events, 5 to 10 KB of JSON (JSON or protobuf bytes). */
  Export logs(boolean json) {
    int n = 4 + random.nextInt(4);
    List<LinkedHashMap<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clockNanos += 1_000_000L * (1 + random.nextInt(900));
      LinkedHashMap<String, Object> a = new LinkedHashMap<>();
      String name = i % 5 == 0 ? "user_prompt" : i % 5 == 4 ? "tool_result" : "api_request";
      a.put("event.name", name);
      a.put("event.timestamp", java.time.Instant.ofEpochSecond(0, clockNanos).toString());
      a.put("event.sequence", sequence++);
      a.put("prompt.id", session.substring(0, 8) + "-prompt-" + (sequence / 5));
      switch (name) {
        case "user_prompt" -> {
          a.put("prompt_length", (long) random.nextInt(2000));
          a.put("prompt", "<REDACTED>");
        }
        case "api_request" -> {
          a.put("model", MODELS[random.nextInt(3)]);
          a.put("cost_usd", random.nextDouble() / 20);
          a.put("duration_ms", (long) random.nextInt(30_000));
          a.put("input_tokens", (long) random.nextInt(20_000));
          a.put("output_tokens", (long) random.nextInt(4_000));
          a.put("cache_read_tokens", (long) random.nextInt(200_000));
          a.put("cache_creation_tokens", (long) random.nextInt(10_000));
          a.put("request_id", "req_" + Long.toHexString(random.nextLong()));
          a.put("query_source", "main");
        }
        default -> {
          a.put("tool_name", TOOLS[random.nextInt(3)]);
          a.put("success", "true");
          a.put("duration_ms", (long) random.nextInt(500));
          a.put("tool_result_size_bytes", (long) random.nextInt(40_000));
        }
      }
      events.add(a);
    }
    return json ? new Export(logsJson(events), n) : new Export(logsProto(events), n);
  }

  /** An encoded export and the number of points or events in it. */
  record Export(byte[] body, int items) {}

  private Map<String, Object> standard() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user.id", userId);
    m.put("session.id", session);
    m.put("organization.id", "3f0c2a9e-6b1d-4d8e-9a55-0c7e2b41d9aa");
    m.put("user.email", email);
    m.put("user.account_uuid", accountUuid);
    m.put("user.account_id", "user_01" + accountUuid.substring(24));
    m.put("terminal.type", "vscode");
    for (int i = 0; i < customAttributes; i++) {
      m.put(new String[] {"department", "team.id", "cost_center", "location"}[i], "value-" + i);
    }
    return m;
  }

  private Map<String, Object> resource() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service.name", "claude-code");
    m.put("service.version", "2.1.230");
    m.put("os.type", "linux");
    m.put("os.version", "6.8.0");
    m.put("host.arch", "amd64");
    for (int i = 0; i < customAttributes; i++) {
      m.put(new String[] {"department", "team.id", "cost_center", "location"}[i], "value-" + i);
    }
    return m;
  }

  private byte[] metricsJson(List<Point> points, long start, long time) {
    StringBuilder sb = new StringBuilder(8192).append("{\"resourceMetrics\":[{\"resource\":{\"attributes\":");
    attrsJson(sb, resource());
    sb.append("},\"scopeMetrics\":[{\"scope\":{\"name\":\"com.anthropic.claude_code\",\"version\":\"2.1.230\"},\"metrics\":[");
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Map<String, Object> attrs = standard();
      attrs.putAll(p.attrs());
      sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(p.metric()).append("\",\"unit\":\"").append(p.unit())
          .append("\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":");
      attrsJson(sb, attrs);
      sb.append(",\"startTimeUnixNano\":\"").append(start).append("\",\"timeUnixNano\":\"").append(time)
          .append("\",\"asDouble\":").append(p.value()).append("}]}}");
    }
    return sb.append("]}]}]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] logsJson(List<LinkedHashMap<String, Object>> events) {
    StringBuilder sb = new StringBuilder(12_000).append("{\"resourceLogs\":[{\"resource\":{\"attributes\":");
    attrsJson(sb, resource());
    sb.append("},\"scopeLogs\":[{\"scope\":{\"name\":\"com.anthropic.claude_code.events\",\"version\":\"2.1.230\"},\"logRecords\":[");
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> attrs = standard();
      attrs.putAll(events.get(i));
      long t = java.time.Instant.parse((String) events.get(i).get("event.timestamp")).toEpochMilli() * 1_000_000L;
      sb.append(i == 0 ? "" : ",").append("{\"timeUnixNano\":\"").append(t).append("\",\"observedTimeUnixNano\":\"").append(t)
          .append("\",\"body\":{\"stringValue\":\"claude_code.").append(events.get(i).get("event.name")).append("\"},\"attributes\":");
      attrsJson(sb, attrs);
      sb.append("}");
    }
    return sb.append("]}]}]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void attrsJson(StringBuilder sb, Map<String, ?> attrs) {
    sb.append('[');
    boolean first = true;
    for (Map.Entry<String, ?> e : attrs.entrySet()) {
      sb.append(first ? "" : ",").append("{\"key\":\"").append(e.getKey()).append("\",\"value\":{");
      first = false;
      Object v = e.getValue();
      if (v instanceof Long l) {
        sb.append("\"intValue\":\"").append(l).append("\"}}");
      } else if (v instanceof Double d) {
        sb.append("\"doubleValue\":").append(d).append("}}");
      } else {
        sb.append("\"stringValue\":\"").append(v).append("\"}}");
      }
    }
    sb.append(']');
  }

  private byte[] metricsProto(List<Point> points, long start, long time) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code").setVersion("2.1.230"));
    for (Point p : points) {
      Map<String, Object> attrs = standard();
      attrs.putAll(p.attrs());
      scope.addMetrics(Metric.newBuilder().setName(p.metric()).setUnit(p.unit()).setSum(Sum.newBuilder()
          .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).setIsMonotonic(true)
          .addDataPoints(NumberDataPoint.newBuilder().addAllAttributes(kvs(attrs)).setStartTimeUnixNano(start)
              .setTimeUnixNano(time).setAsDouble(p.value()))));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(kvs(resource()))).addScopeMetrics(scope)).build().toByteArray();
  }

  private byte[] logsProto(List<LinkedHashMap<String, Object>> events) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code.events").setVersion("2.1.230"));
    for (Map<String, Object> e : events) {
      Map<String, Object> attrs = standard();
      attrs.putAll(e);
      long t = java.time.Instant.parse((String) e.get("event.timestamp")).toEpochMilli() * 1_000_000L;
      scope.addLogRecords(LogRecord.newBuilder().setTimeUnixNano(t).setObservedTimeUnixNano(t)
          .setBody(AnyValue.newBuilder().setStringValue("claude_code." + e.get("event.name"))).addAllAttributes(kvs(attrs)));
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(kvs(resource()))).addScopeLogs(scope)).build().toByteArray();
  }

  private static List<KeyValue> kvs(Map<String, ?> attrs) {
    List<KeyValue> out = new ArrayList<>(attrs.size());
    for (Map.Entry<String, ?> e : attrs.entrySet()) {
      AnyValue.Builder v = AnyValue.newBuilder();
      if (e.getValue() instanceof Long l) {
        v.setIntValue(l);
      } else if (e.getValue() instanceof Double d) {
        v.setDoubleValue(d);
      } else {
        v.setStringValue(String.valueOf(e.getValue()));
      }
      out.add(KeyValue.newBuilder().setKey(e.getKey()).setValue(v).build());
    }
    return out;
  }
}
