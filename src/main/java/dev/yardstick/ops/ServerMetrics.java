package dev.yardstick.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Yardstick's own metrics, served as Prometheus text at /metrics. Names describe what an operator
 * watches: requests, what ingest accepted, rejected, ignored and de-duplicated, latency, queue depth.
 */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final DistributionSummary batchSize;

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    batchSize = DistributionSummary.builder("yardstick_ingest_commit_exports")
        .description("exports written per database transaction").register(registry);
  }

  /** One HTTP or gRPC request answered; {@code route} is the matched path template, never the raw URL. */
  public void request(String transport, String route, int status, long nanos) {
    String key = transport + '|' + route + '|' + status;
    timers.computeIfAbsent(key, k -> Timer.builder("yardstick_requests")
        .description("requests answered").tag("transport", transport).tag("route", route)
        .tag("status", Integer.toString(status)).register(registry)).record(Duration.ofNanos(nanos));
  }

  /**
   * Telemetry items (metric points or log records) by outcome: accepted (stored), duplicate (already
   * stored), rejected (invalid, reported as partial success), ignored (not Claude Code's).
   */
  public void items(String signal, String outcome, long n) {
    if (n > 0) {
      counter("yardstick_ingest_items", "signal", signal, "outcome", outcome).increment(n);
    }
  }

  /**
   * Telemetry items refused, by reason: invalid, negative, time (outside the plausible window) or the
   * plausibility limit passed (lines, tokens, cost, active_time, actions, duration, size, count).
   */
  public void rejected(String signal, String reason, long n) {
    if (n > 0) {
      counter("yardstick_ingest_rejected", "signal", signal, "reason", reason).increment(n);
    }
  }

  /** Admin API rows refused as implausible and not stored, by the limit they passed. */
  public void adminRowsRejected(String reason, long n) {
    if (n > 0) {
      counters.computeIfAbsent("yardstick_admin_api_rows_rejected|" + reason, k -> Counter.builder("yardstick_admin_api_rows_rejected")
          .description("Admin API rows refused as implausible").tag("reason", reason).register(registry)).increment(n);
    }
  }

  /** A whole export refused, by reason (bad_request, unauthorized, too_large, unsupported, overloaded, unavailable). */
  public void exportRefused(String signal, String reason) {
    counter("yardstick_ingest_exports_refused", "signal", signal, "reason", reason).increment();
  }

  /** Time from a decoded export to its durable commit. */
  public void commitLatency(long nanos) {
    timers.computeIfAbsent("commit", k -> Timer.builder("yardstick_ingest_commit_latency")
        .description("time from receiving an export to its commit").publishPercentiles(0.5, 0.99)
        .register(registry)).record(Duration.ofNanos(nanos));
  }

  /** The writer failed on a batch or an export (a bug or a crash, not the database): it goes on. */
  public void writerFailure() {
    counters.computeIfAbsent("writer_failures", k -> Counter.builder("yardstick_ingest_writer_failures")
        .description("batches or exports the writer failed on for a reason other than the database").register(registry)).increment();
  }

  public void commitBatch(int exports) {
    batchSize.record(exports);
  }

  public void queueGauges(Supplier<Number> exports, Supplier<Number> bytes) {
    Gauge.builder("yardstick_ingest_queue_exports", exports).description("exports waiting for the database").register(registry);
    Gauge.builder("yardstick_ingest_queue_bytes", bytes).description("bytes of exports waiting for the database").register(registry);
  }

  public void bodyGauges(Supplier<Number> bodies, Supplier<Number> bytes) {
    Gauge.builder("yardstick_ingest_bodies", bodies).description("OTLP request bodies still arriving").register(registry);
    Gauge.builder("yardstick_ingest_bodies_bytes", bytes).description("bytes held by OTLP bodies being received and decoded").register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }

  private Counter counter(String name, String k1, String v1, String k2, String v2) {
    return counters.computeIfAbsent(name + '|' + v1 + '|' + v2, k -> Counter.builder(name).tag(k1, v1).tag(k2, v2).register(registry));
  }
}
