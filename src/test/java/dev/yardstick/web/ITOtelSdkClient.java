package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real OpenTelemetry Java SDK exporter as the client, over http/protobuf and gRPC, with delta
 * (Claude Code's default) and cumulative temporality: totals read back through the report API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITOtelSdkClient {
  private TestServer server;
  private String token;

  @BeforeAll
  void start() throws Exception {
    // the SDK stamps points with the real time, so this server keeps the real clock
    server = TestServer.start(TestDatabases.h2(), java.util.Map.of(), java.time.Clock.systemUTC());
    token = server.newIngestToken("sdk");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void httpProtobuf_delta_totalsMatch() throws Exception {
    MetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(server.url("/otel/v1/metrics"))
        .addHeader("Authorization", "Bearer " + token).setTimeout(Duration.ofSeconds(10))
        .setAggregationTemporalitySelector(AggregationTemporalitySelector.deltaPreferred()).build();
    sendClaudeCodeCounters(exporter, "http-delta@example.com");

    assertTotals("http-delta@example.com");
  }

  @Test
  void httpProtobuf_cumulative_totalsMatch() throws Exception {
    MetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(server.url("/otel/v1/metrics"))
        .addHeader("Authorization", "Bearer " + token)
        .setAggregationTemporalitySelector(AggregationTemporalitySelector.alwaysCumulative()).build();
    sendClaudeCodeCounters(exporter, "http-cumulative@example.com");

    assertTotals("http-cumulative@example.com");
  }

  @Test
  void grpc_delta_totalsMatch() throws Exception {
    MetricExporter exporter = OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + server.grpcPort())
        .addHeader("authorization", "Bearer " + token).setTimeout(Duration.ofSeconds(10))
        .setAggregationTemporalitySelector(AggregationTemporalitySelector.deltaPreferred()).build();
    sendClaudeCodeCounters(exporter, "grpc-delta@example.com");

    assertTotals("grpc-delta@example.com");
  }

  @Test
  void grpc_cumulative_totalsMatch() throws Exception {
    MetricExporter exporter = OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + server.grpcPort())
        .addHeader("authorization", "Bearer " + token)
        .setAggregationTemporalitySelector(AggregationTemporalitySelector.alwaysCumulative()).build();
    sendClaudeCodeCounters(exporter, "grpc-cumulative@example.com");

    assertTotals("grpc-cumulative@example.com");
  }

  @Test
  void grpc_unknownToken_failsTheExport_unauthenticated() {
    MetricExporter exporter = OtlpGrpcMetricExporter.builder().setEndpoint("http://127.0.0.1:" + server.grpcPort())
        .addHeader("authorization", "Bearer tk_0000000000000000:sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build();
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    SdkMeterProvider provider = SdkMeterProvider.builder().setResource(resource()).registerMetricReader(reader).build();
    counter(provider, "claude_code.commit.count", "").add(1, attrs("nobody@example.com", "s1").build());

    CompletableResultCode exported = exporter.export(reader.collectAllMetrics()).join(10, TimeUnit.SECONDS);

    assertThat(exported.isSuccess()).isFalse();
    assertThat(exported.getFailureThrowable()).isInstanceOfSatisfying(FailedExportException.GrpcExportException.class,
        e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(GrpcStatusCode.UNAUTHENTICATED)); // not retried
    exporter.shutdown().join(10, TimeUnit.SECONDS);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Test
  void logs_httpAndGrpc_eventsAreStored() throws Exception {
    LogRecordExporter http = OtlpHttpLogRecordExporter.builder().setEndpoint(server.url("/otel/v1/logs"))
        .addHeader("Authorization", "Bearer " + token).build();
    LogRecordExporter grpc = OtlpGrpcLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + server.grpcPort())
        .addHeader("authorization", "Bearer " + token).build();
    for (LogRecordExporter exporter : new LogRecordExporter[] {http, grpc}) {
      SdkLoggerProvider logs = SdkLoggerProvider.builder().setResource(resource())
          .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
      logs.loggerBuilder("com.anthropic.claude_code.events").build().logRecordBuilder()
          .setBody("claude_code.api_request")
          .setAllAttributes(attrs("events@example.com", "s-" + exporter.getClass().getSimpleName())
              .put("event.name", "api_request").put("model", "claude-sonnet-5").put("cost_usd", 0.5).build())
          .emit();
      assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      logs.shutdown().join(10, TimeUnit.SECONDS);
    }

    assertThat(server.queryOne("SELECT SUM(events) FROM identity_days")).isEqualTo("2");
    assertThat(server.queryOne("SELECT detail FROM identity_days WHERE events > 0")).isEqualTo("e\tapi_request\t2\n");
    // an event's cost is not the cost metric: adding both would count it twice
    String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
    assertThat(metrics).containsPattern("yardstick_ingest_items_total\\{outcome=\"accepted\",signal=\"logs\"\\} [2-9]");
  }

  /** Two export intervals of every usage counter, as Claude Code records them. */
  private void sendClaudeCodeCounters(MetricExporter exporter, String email) {
    SdkMeterProvider provider = provider(exporter);
    DoubleCounter sessions = counter(provider, "claude_code.session.count", "");
    DoubleCounter tokens = counter(provider, "claude_code.token.usage", "tokens");
    DoubleCounter cost = counter(provider, "claude_code.cost.usage", "USD");
    DoubleCounter lines = counter(provider, "claude_code.lines_of_code.count", "");
    DoubleCounter decisions = counter(provider, "claude_code.code_edit_tool.decision", "");
    DoubleCounter commits = counter(provider, "claude_code.commit.count", "");
    DoubleCounter prs = counter(provider, "claude_code.pull_request.count", "");
    DoubleCounter active = counter(provider, "claude_code.active_time.total", "s");
    for (int interval = 0; interval < 2; interval++) {
      sessions.add(1, attrs(email, "s1").put("start_type", "fresh").build());
      tokens.add(1000, attrs(email, "s1").put("type", "input").put("model", "claude-sonnet-5").put("query_source", "main").build());
      tokens.add(250, attrs(email, "s1").put("type", "output").put("model", "claude-sonnet-5").put("query_source", "main").build());
      tokens.add(4000, attrs(email, "s1").put("type", "cacheRead").put("model", "claude-sonnet-5").put("query_source", "main").build());
      tokens.add(600, attrs(email, "s1").put("type", "cacheCreation").put("model", "claude-sonnet-5").put("query_source", "main").build());
      cost.add(0.125, attrs(email, "s1").put("model", "claude-sonnet-5").put("query_source", "main").build());
      lines.add(30, attrs(email, "s1").put("type", "added").build());
      lines.add(7, attrs(email, "s1").put("type", "removed").build());
      decisions.add(3, attrs(email, "s1").put("tool_name", "Edit").put("decision", "accept").put("source", "config").put("language", "Java").build());
      decisions.add(1, attrs(email, "s1").put("tool_name", "Write").put("decision", "reject").put("source", "user_reject").put("language", "Java").build());
      commits.add(1, attrs(email, "s1").build());
      prs.add(1, attrs(email, "s1").build());
      active.add(42.5, attrs(email, "s1").put("type", "user").build());
      active.add(7.5, attrs(email, "s1").put("type", "cli").build());
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("flush %d", interval).isTrue();
    }
    assertThat(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
  }

  private void assertTotals(String email) throws Exception {
    server.developer(email);
    JsonNode row = null;
    for (JsonNode r : server.report("2026-01-01", "2027-12-31", "developer").get("rows")) {
      if (r.get("key").asText().equals(email)) {
        row = r;
      }
    }
    assertThat(row).as("row for " + email).isNotNull();
    assertThat(row.get("sessions").asLong()).isEqualTo(2);
    assertThat(row.get("tokens").get("input").asLong()).isEqualTo(2000);
    assertThat(row.get("tokens").get("output").asLong()).isEqualTo(500);
    assertThat(row.get("tokens").get("cacheRead").asLong()).isEqualTo(8000);
    assertThat(row.get("tokens").get("cacheCreation").asLong()).isEqualTo(1200);
    assertThat(row.get("costUsd").asDouble()).isEqualTo(0.25);
    assertThat(row.get("aiLinesAdded").asLong()).isEqualTo(60);
    assertThat(row.get("aiLinesRemoved").asLong()).isEqualTo(14);
    assertThat(row.get("editsAccepted").asLong()).isEqualTo(6);
    assertThat(row.get("editsRejected").asLong()).isEqualTo(2);
    assertThat(row.get("commitsByClaudeCode").asLong()).isEqualTo(2);
    assertThat(row.get("pullRequestsByClaudeCode").asLong()).isEqualTo(2);
    assertThat(row.get("activeTimeSeconds").asDouble()).isEqualTo(100.0);
  }

  private static SdkMeterProvider provider(MetricExporter exporter) {
    return SdkMeterProvider.builder().setResource(resource())
        .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build()).build();
  }

  private static Resource resource() {
    return Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "claude-code",
        AttributeKey.stringKey("os.type"), "linux"));
  }

  private static DoubleCounter counter(SdkMeterProvider provider, String name, String unit) {
    Meter meter = provider.meterBuilder("com.anthropic.claude_code").setInstrumentationVersion("2.1.230").build();
    return meter.counterBuilder(name).ofDoubles().setUnit(unit).build();
  }

  private static io.opentelemetry.api.common.AttributesBuilder attrs(String email, String session) {
    return Attributes.builder().put("user.email", email).put("session.id", session)
        .put("user.id", "7b67" + email.hashCode()).put("terminal.type", "vscode");
  }
}
