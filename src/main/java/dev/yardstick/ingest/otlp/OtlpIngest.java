package dev.yardstick.ingest.otlp;

import dev.yardstick.ingest.WriteQueue;
import dev.yardstick.model.IngestSender;
import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.ops.ServerMetrics;
import java.util.concurrent.CompletableFuture;

/**
 * The transport-independent OTLP receiver: decode, keep what is Claude Code's, and hand it to the
 * write queue. Decoding runs on the caller's thread so that a bad body is answered with what is
 * wrong; the returned future completes after the data is committed.
 */
public final class OtlpIngest {
  private final OtlpJsonDecoder json = new OtlpJsonDecoder();
  private final OtlpProtoDecoder proto = new OtlpProtoDecoder();
  private final ClaudeCodeMapper mapper = new ClaudeCodeMapper();
  private final WriteQueue queue;
  private final ServerMetrics metrics;

  public enum Encoding { JSON, PROTOBUF }

  /** The export is stored; {@code rejected} items were refused for {@code message} (a partial success). */
  public record Accepted(int rejected, String message) {}

  public OtlpIngest(WriteQueue queue, ServerMetrics metrics) {
    this.queue = queue;
    this.metrics = metrics;
  }

  /** @param headerEmail the X-Yardstick-User-Email value, or null */
  public CompletableFuture<Accepted> export(Signal signal, IngestSender sender, Encoding encoding, byte[] body, String headerEmail)
      throws OtlpDecodeException {
    ClaudeCodeMapper.Mapped mapped;
    if (signal == Signal.METRICS) {
      Otlp.MetricsExport export = encoding == Encoding.JSON ? json.decodeMetrics(body) : proto.decodeMetrics(body);
      mapped = mapper.mapMetrics(export, headerEmail);
    } else {
      Otlp.LogsExport export = encoding == Encoding.JSON ? json.decodeLogs(body) : proto.decodeLogs(body);
      mapped = mapper.mapLogs(export, headerEmail);
    }
    return store(signal, sender, mapped, body.length);
  }

  /** Marks an export on its way in (its body being read and decoded) so that the writer waits for it; close it once submitted. */
  public Arriving arriving() {
    queue.announce();
    return new Arriving(queue);
  }

  /** An export on its way in; closing it (again is harmless) says it was submitted or refused. */
  public static final class Arriving implements AutoCloseable {
    private final WriteQueue queue;
    private boolean closed;

    private Arriving(WriteQueue queue) {
      this.queue = queue;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        queue.arrived();
      }
    }
  }

  CompletableFuture<Accepted> exportMetrics(IngestSender sender, Otlp.MetricsExport export, String headerEmail, long bytes) {
    return store(Signal.METRICS, sender, mapper.mapMetrics(export, headerEmail), bytes);
  }

  CompletableFuture<Accepted> exportLogs(IngestSender sender, Otlp.LogsExport export, String headerEmail, long bytes) {
    return store(Signal.LOGS, sender, mapper.mapLogs(export, headerEmail), bytes);
  }

  private CompletableFuture<Accepted> store(Signal signal, IngestSender sender, ClaudeCodeMapper.Mapped mapped, long bytes) {
    String s = signal == Signal.METRICS ? "metrics" : "logs";
    metrics.items(s, "rejected", mapped.rejected());
    metrics.items(s, "ignored", mapped.ignored());
    Accepted accepted = new Accepted(mapped.rejected(), mapped.rejectReason());
    if (mapped.groups().isEmpty()) {
      return CompletableFuture.completedFuture(accepted);
    }
    TelemetryBatch batch = new TelemetryBatch(sender.orgId(), signal, mapped.groups(), mapped.rejected(), mapped.rejectReason(),
        mapped.ignored(), sender.tokenId());
    return queue.submit(batch, bytes).thenApply(outcome -> {
      metrics.items(s, "accepted", outcome.stored());
      metrics.items(s, "duplicate", outcome.duplicates());
      return accepted;
    });
  }
}
