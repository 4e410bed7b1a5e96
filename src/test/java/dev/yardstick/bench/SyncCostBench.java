package dev.yardstick.bench;

import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.SyncedWriter;
import dev.yardstick.storage.TelemetryStore;
import dev.yardstick.storage.TelemetryWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What YARDSTICK_H2_SYNC_COMMITS costs: Claude-Code-shaped exports (decoded up front) written to
 * an H2 file in commits of 1, 8 and 64 exports, each commit plain or forced to disk by the
 * production {@link SyncedWriter}, the two alternating round by round in one process so that the
 * machine's noise falls on both. Prints store time per export (wall and this thread's CPU) and the
 * ratio synced ÷ plain.
 *
 * <p>Usage: SyncCostBench [seconds per measurement, 3] [rounds, 3] [h2|jdbcUrl]
 */
public final class SyncCostBench {
  private SyncCostBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (Database db = BenchDatabase.open(args.length > 2 ? args[2] : null, "synccost")) {
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      TelemetryStore store = new TelemetryStore(db, orgs);
      TelemetryWriter synced = SyncedWriter.around(store, db, true);
      ClaudeCodePayloads[] devs = new ClaudeCodePayloads[1000];
      for (int d = 0; d < devs.length; d++) {
        devs[d] = new ClaudeCodePayloads(d, 1_790_000_000L, System.nanoTime());
      }
      int[] next = {0};
      measure(store, 1, seconds, org, devs, next); // warm-up
      measure(synced, 1, seconds, org, devs, next);
      for (int r = 1; r <= rounds; r++) {
        for (int size : new int[] {1, 8, 64}) {
          double[] plain = measure(store, size, seconds, org, devs, next);
          double[] sync = measure(synced, size, seconds, org, devs, next);
          System.out.printf("round %d, %2d exports per commit: plain %7.1f us/export (CPU %5.1f), synced %7.1f us/export"
              + " (CPU %5.1f), synced/plain %.2f, fsync adds %.1f us per commit%n", r, size, plain[0], plain[1], sync[0],
              sync[1], sync[0] / plain[0], (sync[0] - plain[0]) * size);
        }
      }
    }
  }

  /** Writes commits of {@code size} exports for {@code seconds}; wall and CPU microseconds per export. */
  private static double[] measure(TelemetryWriter writer, int size, int seconds, long org, ClaudeCodePayloads[] devs,
      int[] next) throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long exports = 0;
    long nanos = 0;
    long cpu = 0;
    while (System.nanoTime() < end) {
      List<TelemetryBatch> batches = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batches.add(OtlpIngestProbe.mapJson(org, devs[next[0]++ % devs.length].metrics(true).body()));
      }
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      writer.write(batches, Instant.now());
      nanos += System.nanoTime() - t0;
      cpu += threads.getCurrentThreadCpuTime() - c0;
      exports += size;
    }
    return new double[] {nanos / 1e3 / exports, cpu / 1e3 / exports};
  }
}
