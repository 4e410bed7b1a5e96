package dev.yardstick;

import dev.yardstick.model.Digest;
import dev.yardstick.model.Event;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.Identity;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.MetricPoint.Temporality;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Canonical fixtures and builders shared by tests. */
public final class TestData {
  public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  private TestData() {}

  public static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  public static Identity byEmail(String email) {
    return new Identity(email, null, null, null, null, null, null);
  }

  public static SessionContext session(Identity identity, String sessionId) {
    return new SessionContext(identity, sessionId, "vscode", "2.1.197", Map.of());
  }

  public static MetricPoint delta(String metric, double value, Instant time, String... dims) {
    return new MetricPoint(metric, Temporality.DELTA, nanos(time.minusSeconds(60)), nanos(time), value, dims(dims));
  }

  public static MetricPoint cumulative(String metric, double value, Instant start, Instant time, String... dims) {
    return new MetricPoint(metric, Temporality.CUMULATIVE, nanos(start), nanos(time), value, dims(dims));
  }

  public static Event event(String name, Instant time, long sequence) {
    return new Event(name, nanos(time), sequence, Map.of("model", "claude-sonnet-5"));
  }

  /** A group keyed by its content, as ingest keys it. */
  public static FactGroup group(SessionContext ctx, List<MetricPoint> points, List<Event> events) {
    long[] k = new Digest().putString(ctx.toString()).putString(points.toString()).putString(events.toString()).finish();
    return new FactGroup(ctx, points, events, k[0], k[1]);
  }

  /** Metrics as stored before ingest tokens were recorded (token unknown). */
  public static TelemetryBatch metrics(long org, FactGroup... groups) {
    return metrics(org, null, groups);
  }

  /** Metrics sent with the ingest token {@code tokenId}. */
  public static TelemetryBatch metrics(long org, String tokenId, FactGroup... groups) {
    return new TelemetryBatch(org, Signal.METRICS, List.of(groups), 0, "", 0, tokenId);
  }

  public static TelemetryBatch logs(long org, FactGroup... groups) {
    return logs(org, null, groups);
  }

  public static TelemetryBatch logs(long org, String tokenId, FactGroup... groups) {
    return new TelemetryBatch(org, Signal.LOGS, List.of(groups), 0, "", 0, tokenId);
  }

  private static Map<String, String> dims(String... kv) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
