package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import java.time.Instant;

/** Test access to decoding and mapping without a server, for benchmarks. */
public final class OtlpIngestProbe {
  private static final OtlpJsonDecoder JSON = new OtlpJsonDecoder();
  private static final OtlpProtoDecoder PROTO = new OtlpProtoDecoder();
  private static final ClaudeCodeMapper MAPPER = new ClaudeCodeMapper();

  private OtlpIngestProbe() {}

  /** Decodes and maps one export the way a request does, returning the groups it would store. */
  public static Object decodeAndMap(boolean metrics, boolean json, byte[] body) throws OtlpDecodeException {
    if (metrics) {
      Otlp.MetricsExport export = json ? JSON.decodeMetrics(body) : PROTO.decodeMetrics(body);
      return MAPPER.mapMetrics(export, null, arrival(export)).groups();
    }
    Otlp.LogsExport export = json ? JSON.decodeLogs(body) : PROTO.decodeLogs(body);
    return MAPPER.mapLogs(export, null, arrival(export)).groups();
  }

  public static TelemetryBatch mapJson(long org, byte[] body) throws OtlpDecodeException {
    Otlp.MetricsExport export = JSON.decodeMetrics(body);
    ClaudeCodeMapper.Mapped m = MAPPER.mapMetrics(export, null, arrival(export));
    return new TelemetryBatch(org, Signal.METRICS, m.groups(), m.rejected(), m.rejectReason(), m.ignored(), "0123456789abcdef");
  }

  // benchmark payloads carry dates of their own: each export is mapped as if it arrived just after its last point
  private static Instant arrival(Otlp.MetricsExport export) {
    long last = 0;
    for (Otlp.ResourceMetrics r : export.resources()) {
      for (Otlp.ScopeMetrics s : r.scopes()) {
        for (Otlp.Metric m : s.metrics()) {
          for (Otlp.NumberPoint p : m.points()) {
            last = Math.max(last, p.timeNanos());
          }
        }
      }
    }
    return Instant.ofEpochSecond(0, last);
  }

  private static Instant arrival(Otlp.LogsExport export) {
    long last = 0;
    for (Otlp.ResourceLogs r : export.resources()) {
      for (Otlp.ScopeLogs s : r.scopes()) {
        for (Otlp.LogRecord l : s.records()) {
          last = Math.max(last, Math.max(l.timeNanos(), l.observedNanos()));
        }
      }
    }
    return Instant.ofEpochSecond(0, last);
  }
}
