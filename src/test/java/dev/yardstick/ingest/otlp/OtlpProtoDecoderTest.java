package dev.yardstick.ingest.otlp;

import static dev.yardstick.ingest.otlp.OtlpJsonDecoderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;

class OtlpProtoDecoderTest {
  private final OtlpProtoDecoder proto = new OtlpProtoDecoder();
  private final OtlpJsonDecoder jsonDecoder = new OtlpJsonDecoder();

  @Test
  void decodeMetrics_sameDataAsJson_sameModel() throws Exception {
    byte[] body = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", str("claude-code")))
            .addAttributes(kv("flag", AnyValue.newBuilder().setBoolValue(true).build()))
            .addAttributes(kv("n", AnyValue.newBuilder().setIntValue(7).build()))
            .addAttributes(kv("d", AnyValue.newBuilder().setDoubleValue(0.5).build()))
            .addAttributes(kv("paths", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(str("/a"))).build()))
            .addAttributes(kv("nested", AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder().addValues(kv("k", str("v")))).build())))
        .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code").setVersion("2.1.230"))
            .addMetrics(Metric.newBuilder().setName("claude_code.token.usage").setUnit("tokens").setSum(Sum.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).setIsMonotonic(true)
                .addDataPoints(NumberDataPoint.newBuilder().addAttributes(kv("type", str("input")))
                    .setStartTimeUnixNano(1_787_400_000_000_000_000L).setTimeUnixNano(1_787_400_060_000_000_000L).setAsDouble(1234))
                .addDataPoints(NumberDataPoint.newBuilder().addAttributes(kv("type", str("output")))
                    .setStartTimeUnixNano(1_787_400_000_000_000_000L).setTimeUnixNano(1_787_400_060_000_000_000L).setAsInt(56))))
            .addMetrics(Metric.newBuilder().setName("http.duration").setHistogram(Histogram.newBuilder()
                .addDataPoints(HistogramDataPoint.newBuilder().setCount(3)).addDataPoints(HistogramDataPoint.newBuilder())))))
        .build().toByteArray();
    String same = """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}},
          {"key":"flag","value":{"boolValue":true}},{"key":"n","value":{"intValue":"7"}},{"key":"d","value":{"doubleValue":0.5}},
          {"key":"paths","value":{"arrayValue":{"values":[{"stringValue":"/a"}]}}},
          {"key":"nested","value":{"kvlistValue":{"values":[{"key":"k","value":{"stringValue":"v"}}]}}}]},
         "scopeMetrics":[{"scope":{"name":"com.anthropic.claude_code","version":"2.1.230"},"metrics":[
          {"name":"claude_code.token.usage","unit":"tokens","sum":{"aggregationTemporality":1,"isMonotonic":true,"dataPoints":[
            {"attributes":[{"key":"type","value":{"stringValue":"input"}}],"startTimeUnixNano":"1787400000000000000","timeUnixNano":"1787400060000000000","asDouble":1234},
            {"attributes":[{"key":"type","value":{"stringValue":"output"}}],"startTimeUnixNano":"1787400000000000000","timeUnixNano":"1787400060000000000","asInt":"56"}]}},
          {"name":"http.duration","histogram":{"dataPoints":[{"count":"3"},{}]}}]}]}]}
        """;

    assertThat(proto.decodeMetrics(body)).isEqualTo(jsonDecoder.decodeMetrics(json(same)));
  }

  @Test
  void decodeLogs_eventNameFieldAndBody_read() throws Exception {
    byte[] body = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .addScopeLogs(ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code.events"))
            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(5).setSeverityNumberValue(9).setEventName("claude_code.api_request")
                .setBody(str("claude_code.api_request")).addAttributes(kv("cost_usd", AnyValue.newBuilder().setDoubleValue(0.25).build())))))
        .build().toByteArray();

    Otlp.LogRecord r = proto.decodeLogs(body).resources().get(0).scopes().get(0).records().get(0);

    assertThat(r).isEqualTo(new Otlp.LogRecord(5, 0, 9, "claude_code.api_request",
        java.util.List.of(new Otlp.KeyValue("cost_usd", 0.25)), "claude_code.api_request"));
  }

  @Test
  void decode_emptyBody_isAnEmptyExport() throws Exception {
    assertThat(proto.decodeMetrics(new byte[0]).resources()).isEmpty();
    assertThat(proto.decodeLogs(new byte[0]).resources()).isEmpty();
  }

  @Test
  void decode_truncatedOrGarbage_isRefusedWithTheReason() {
    byte[] whole = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", str("claude-code"))))).build().toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);

    assertThatThrownBy(() -> proto.decodeMetrics(truncated)).isInstanceOf(OtlpDecodeException.class)
        .hasMessageStartingWith("invalid protobuf ExportMetricsServiceRequest");
    assertThatThrownBy(() -> proto.decodeLogs("{\"json\":true}".getBytes())).isInstanceOf(OtlpDecodeException.class)
        .hasMessageStartingWith("invalid protobuf ExportLogsServiceRequest");
  }

  private static KeyValue kv(String k, AnyValue v) {
    return KeyValue.newBuilder().setKey(k).setValue(v).build();
  }

  private static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }
}
