package dev.yardstick.ingest.otlp;

import dev.yardstick.ingest.WriteQueue;
import dev.yardstick.model.Rejections;
import dev.yardstick.model.IngestSender;
import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.ops.ServerMetrics;
import java.time.Clock;
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
  private final Clock clock;

  public enum Encoding { JSON, PROTOBUF }

  /** The export is stored; {@code rejected} items were refused for {@code message} (a partial success). */
  public record Accepted(int rejected, String message) {}

  /** @param clock what "now" is for the window of plausible point and event times */
  public OtlpIngest(WriteQueue queue, ServerMetrics metrics, Clock clock) {
    this.queue = queue;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** @param headerEmail the X-Yardstick-User-Email value, or null */
  public CompletableFuture<Accepted> export(Signal signal, IngestSender sender, Encoding encoding, byte[] body, String headerEmail)
      throws OtlpDecodeException {
    ClaudeCodeMapper.Mapped mapped;
    if (signal == Signal.METRICS) {
      Otlp.MetricsExport export = encoding == Encoding.JSON ? json.decodeMetrics(body) : proto.decodeMetrics(body);
      mapped = mapper.mapMetrics(export, headerEmail, clock.instant());
    } else {
      Otlp.LogsExport export = encoding == Encoding.JSON ? json.decodeLogs(body) : proto.decodeLogs(body);
      mapped = mapper.mapLogs(export, headerEmail, clock.instant());
    }
    return store(signal, sender, mapped, body.length);
  }

  /** False once the writer has stopped: nothing would be stored (readiness says so). */
  public boolean writing() {
    return queue.writing();
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

  private CompletableFuture<Accepted> store(Signal signal, IngestSender sender, ClaudeCodeMapper.Mapped mapped, long bytes) {
    String s = signal == Signal.METRICS ? "metrics" : "logs";
    metrics.items(s, "ignored", mapped.ignored());
    if (mapped.groups().isEmpty()) {
      return CompletableFuture.completedFuture(rejected(s, mapped.rejections()));
    }
    TelemetryBatch batch = new TelemetryBatch(sender.orgId(), signal, mapped.groups(), mapped.rejected(), mapped.rejectReason(),
        mapped.ignored(), sender.tokenId(), sender.personal());
    return queue.submit(batch, bytes).thenApply(outcome -> {
      metrics.items(s, "accepted", outcome.stored());
      metrics.items(s, "duplicate", outcome.duplicates());
      Rejections all = new Rejections();
      all.addAll(mapped.rejections());
      all.addAll(outcome.rejected()); // running totals that rose implausibly, found against the stored series
      return rejected(s, all);
    });
  }

  /** Counts what was refused, by reason, and says it in the answer (an OTLP partial success). */
  private Accepted rejected(String signal, Rejections r) {
    metrics.items(signal, "rejected", r.count());
    r.byReason().forEach((reason, n) -> metrics.rejected(signal, reason, n));
    return new Accepted(r.count(), r.message());
  }
}
