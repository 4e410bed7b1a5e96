package dev.yardstick.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
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
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hand-made Claude Code exports with any value, sent as OTLP/HTTP JSON, OTLP/HTTP protobuf or
 * OTLP/gRPC, and the partial-success answer of each read back the same way: what a test needs to
 * pin that the three transports accept and refuse the same points.
 */
public final class OtlpExports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OtlpExports() {}

  /** One Sum data point; {@code temporality} 1 delta, 2 cumulative; {@code start} 0 for none. */
  public record Point(String metric, int temporality, boolean monotonic, long start, long time, double value,
      Map<String, String> attributes) {
    public static Point delta(String metric, Instant time, double value, String... attributes) {
      return new Point(metric, 1, true, nanos(time.minusSeconds(60)), nanos(time), value, map(attributes));
    }

    public static Point cumulative(String metric, Instant start, Instant time, double value, String... attributes) {
      return new Point(metric, 2, true, nanos(start), nanos(time), value, map(attributes));
    }

    public Point withTimes(long startNanos, long timeNanos) {
      return new Point(metric, temporality, monotonic, startNanos, timeNanos, value, attributes);
    }

    public Point nonMonotonic() {
      return new Point(metric, temporality, false, start, time, value, attributes);
    }
  }

  /** One log record named claude_code.{@code event}; attribute values are String, Long, Double or Boolean. */
  public record Event(String event, long time, Map<String, Object> attributes) {
    public static Event of(String event, Instant time, Object... attributes) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i + 1 < attributes.length; i += 2) {
        m.put((String) attributes[i], attributes[i + 1]);
      }
      return new Event(event, nanos(time), m);
    }
  }

  /** How an export travels. */
  public enum Transport { HTTP_JSON, HTTP_PROTOBUF, GRPC }

  /** What the server answered: the HTTP status (200, or 0 for a gRPC OK), and the partial success, if any. */
  public record Answer(int status, long rejected, String message) {}

  public static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  public static ExportMetricsServiceRequest metrics(String email, String session, List<Point> points) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code").setVersion("2.1.230"));
    for (Point p : points) {
      NumberDataPoint.Builder dp = NumberDataPoint.newBuilder().setStartTimeUnixNano(p.start()).setTimeUnixNano(p.time())
          .setAsDouble(p.value()).addAllAttributes(identity(email, session));
      p.attributes().forEach((k, v) -> dp.addAttributes(kv(k, v)));
      scope.addMetrics(Metric.newBuilder().setName(p.metric()).setSum(Sum.newBuilder().setIsMonotonic(p.monotonic())
          .setAggregationTemporality(AggregationTemporality.forNumber(p.temporality())).addDataPoints(dp)));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(resource()).addScopeMetrics(scope)).build();
  }

  public static ExportLogsServiceRequest logs(String email, String session, List<Event> events) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder()
        .setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code.events").setVersion("2.1.230"));
    for (Event e : events) {
      LogRecord.Builder r = LogRecord.newBuilder().setTimeUnixNano(e.time()).setObservedTimeUnixNano(e.time())
          .setBody(AnyValue.newBuilder().setStringValue("claude_code." + e.event()))
          .addAttributes(kv("event.name", e.event())).addAllAttributes(identity(email, session));
      e.attributes().forEach((k, v) -> r.addAttributes(KeyValue.newBuilder().setKey(k).setValue(value(v))));
      scope.addLogRecords(r);
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(resource()).addScopeLogs(scope)).build();
  }

  /**
   * The request as OTLP/JSON, written by hand as the specification says (int64 as strings, integer
   * enums); doubles that JSON cannot write (NaN, Infinity) go as strings, as proto3 JSON does.
   */
  public static String json(ExportMetricsServiceRequest request) {
    StringBuilder sb = new StringBuilder("{\"resourceMetrics\":[{\"resource\":");
    attributes(sb.append('{'), request.getResourceMetrics(0).getResource().getAttributesList()).append("},\"scopeMetrics\":[{")
        .append("\"scope\":{\"name\":\"com.anthropic.claude_code\"},\"metrics\":[");
    List<Metric> metrics = request.getResourceMetrics(0).getScopeMetrics(0).getMetricsList();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      NumberDataPoint p = m.getSum().getDataPoints(0);
      sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(m.getName()).append("\",\"sum\":{\"aggregationTemporality\":")
          .append(m.getSum().getAggregationTemporalityValue()).append(",\"isMonotonic\":").append(m.getSum().getIsMonotonic())
          .append(",\"dataPoints\":[{");
      attributes(sb, p.getAttributesList()).append(",\"startTimeUnixNano\":\"").append(p.getStartTimeUnixNano())
          .append("\",\"timeUnixNano\":\"").append(p.getTimeUnixNano()).append("\",\"asDouble\":")
          .append(Double.isFinite(p.getAsDouble()) ? Double.toString(p.getAsDouble()) : "\"" + p.getAsDouble() + "\"")
          .append("}]}}");
    }
    return sb.append("]}]}]}").toString();
  }

  public static String json(ExportLogsServiceRequest request) {
    StringBuilder sb = new StringBuilder("{\"resourceLogs\":[{\"resource\":");
    attributes(sb.append('{'), request.getResourceLogs(0).getResource().getAttributesList()).append("},\"scopeLogs\":[{")
        .append("\"scope\":{\"name\":\"com.anthropic.claude_code.events\"},\"logRecords\":[");
    List<LogRecord> records = request.getResourceLogs(0).getScopeLogs(0).getLogRecordsList();
    for (int i = 0; i < records.size(); i++) {
      LogRecord r = records.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"timeUnixNano\":\"").append(r.getTimeUnixNano())
          .append("\",\"body\":{\"stringValue\":\"").append(r.getBody().getStringValue()).append("\"},");
      attributes(sb, r.getAttributesList()).append('}');
    }
    return sb.append("]}]}]}").toString();
  }

  /** Sends the export over {@code transport}; HTTP answers must be 200 to be read, gRPC must be OK. */
  public static Answer send(TestServer server, String token, Transport transport, ExportMetricsServiceRequest request)
      throws Exception {
    return switch (transport) {
      case HTTP_JSON -> http(server, token, "/otel/v1/metrics", "application/json", json(request).getBytes(), "rejectedDataPoints");
      case HTTP_PROTOBUF -> {
        HttpResponse<byte[]> r = post(server, token, "/otel/v1/metrics", "application/x-protobuf", request.toByteArray());
        ExportMetricsServiceResponse a = ExportMetricsServiceResponse.parseFrom(r.body());
        yield new Answer(r.statusCode(), a.getPartialSuccess().getRejectedDataPoints(), a.getPartialSuccess().getErrorMessage());
      }
      case GRPC -> grpc(server, token, channel -> {
        ExportMetricsServiceResponse a = MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
            .export(request);
        return new Answer(0, a.getPartialSuccess().getRejectedDataPoints(), a.getPartialSuccess().getErrorMessage());
      });
    };
  }

  public static Answer send(TestServer server, String token, Transport transport, ExportLogsServiceRequest request)
      throws Exception {
    return switch (transport) {
      case HTTP_JSON -> http(server, token, "/otel/v1/logs", "application/json", json(request).getBytes(), "rejectedLogRecords");
      case HTTP_PROTOBUF -> {
        HttpResponse<byte[]> r = post(server, token, "/otel/v1/logs", "application/x-protobuf", request.toByteArray());
        ExportLogsServiceResponse a = ExportLogsServiceResponse.parseFrom(r.body());
        yield new Answer(r.statusCode(), a.getPartialSuccess().getRejectedLogRecords(), a.getPartialSuccess().getErrorMessage());
      }
      case GRPC -> grpc(server, token, channel -> {
        ExportLogsServiceResponse a = LogsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
            .export(request);
        return new Answer(0, a.getPartialSuccess().getRejectedLogRecords(), a.getPartialSuccess().getErrorMessage());
      });
    };
  }

  private static Answer http(TestServer server, String token, String path, String type, byte[] body, String field)
      throws Exception {
    HttpResponse<byte[]> r = post(server, token, path, type, body);
    JsonNode partial = r.statusCode() == 200 ? JSON.readTree(r.body()).path("partialSuccess") : JSON.missingNode();
    return new Answer(r.statusCode(), partial.path(field).asLong(0), partial.path("errorMessage").asText(""));
  }

  private static HttpResponse<byte[]> post(TestServer server, String token, String path, String type, byte[] body)
      throws Exception {
    return server.http().send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + token)
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private interface Call {
    Answer on(ManagedChannel channel);
  }

  private static Answer grpc(TestServer server, String token, Call call) throws InterruptedException {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
        .intercept(MetadataUtils.newAttachHeadersInterceptor(authorization(token))).build();
    try {
      return call.on(channel);
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static Metadata authorization(String token) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return m;
  }

  private static Resource resource() {
    return Resource.newBuilder().addAttributes(kv("service.name", "claude-code")).build();
  }

  private static List<KeyValue> identity(String email, String session) {
    return List.of(kv("user.email", email), kv("session.id", session));
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static AnyValue value(Object v) {
    return switch (v) {
      case Long l -> AnyValue.newBuilder().setIntValue(l).build();
      case Integer i -> AnyValue.newBuilder().setIntValue(i).build();
      case Double d -> AnyValue.newBuilder().setDoubleValue(d).build();
      case Boolean b -> AnyValue.newBuilder().setBoolValue(b).build();
      default -> AnyValue.newBuilder().setStringValue(v.toString()).build();
    };
  }

  private static StringBuilder attributes(StringBuilder sb, List<KeyValue> attributes) {
    sb.append("\"attributes\":[");
    for (int i = 0; i < attributes.size(); i++) {
      AnyValue v = attributes.get(i).getValue();
      sb.append(i == 0 ? "" : ",").append("{\"key\":\"").append(attributes.get(i).getKey()).append("\",\"value\":{");
      switch (v.getValueCase()) {
        case INT_VALUE -> sb.append("\"intValue\":\"").append(v.getIntValue()).append('"');
        case DOUBLE_VALUE -> sb.append("\"doubleValue\":").append(Double.isFinite(v.getDoubleValue())
            ? Double.toString(v.getDoubleValue()) : "\"" + v.getDoubleValue() + "\"");
        case BOOL_VALUE -> sb.append("\"boolValue\":").append(v.getBoolValue());
        default -> sb.append("\"stringValue\":\"").append(v.getStringValue()).append('"');
      }
      sb.append("}}");
    }
    return sb.append(']');
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
