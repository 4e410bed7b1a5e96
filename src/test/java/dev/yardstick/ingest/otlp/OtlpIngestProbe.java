package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;

/** Test access to decoding and mapping without a server, for benchmarks. */
public final class OtlpIngestProbe {
  private static final OtlpJsonDecoder JSON = new OtlpJsonDecoder();
  private static final ClaudeCodeMapper MAPPER = new ClaudeCodeMapper();

  private OtlpIngestProbe() {}

  private static final OtlpProtoDecoder PROTO = new OtlpProtoDecoder();

  /** Decodes and maps one export the way a request does, returning the groups it would store. */
  public static Object decodeAndMap(boolean metrics, boolean json, byte[] body) throws OtlpDecodeException {
    if (metrics) {
      return MAPPER.mapMetrics(json ? JSON.decodeMetrics(body) : PROTO.decodeMetrics(body), null).groups();
    }
    return MAPPER.mapLogs(json ? JSON.decodeLogs(body) : PROTO.decodeLogs(body), null).groups();
  }

  public static TelemetryBatch mapJson(long org, byte[] body) throws OtlpDecodeException {
    ClaudeCodeMapper.Mapped m = MAPPER.mapMetrics(JSON.decodeMetrics(body), null);
    return new TelemetryBatch(org, Signal.METRICS, m.groups(), m.rejected(), m.rejectReason(), m.ignored(), "0123456789abcdef");
  }
}
