package dev.yardstick.bench;

import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.TelemetryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process storage rate: Claude-Code-shaped exports, decoded and mapped once up front, written
 * straight to TelemetryStore in transactions of a given size. Separates the database's share of
 * ingest from HTTP and decoding.
 *
 * <p>Usage: StoreBench [jdbcUrl] [seconds] [batch sizes...]; without a URL, an H2 file in a temp dir.
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1, 8, 64, 256);
    }
    try (Database db = BenchDatabase.open(args.length > 0 ? args[0] : null, "storebench")) {
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      TelemetryStore store = new TelemetryStore(db, orgs);
      ClaudeCodePayloads[] devs = new ClaudeCodePayloads[1000];
      for (int d = 0; d < devs.length; d++) {
        devs[d] = new ClaudeCodePayloads(d, 1_790_000_000L, System.nanoTime());
      }
      int next = 0;
      for (int size : sizes) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long exports = 0;
        long items = 0;
        long storeNanos = 0;
        while (System.nanoTime() < end) {
          List<TelemetryBatch> batches = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            ClaudeCodePayloads.Export e = devs[next++ % devs.length].metrics(true);
            batches.add(OtlpIngestProbe.mapJson(org, e.body()));
            items += e.items();
          }
          long t0 = System.nanoTime();
          store.write(batches, Instant.now());
          storeNanos += System.nanoTime() - t0;
          exports += size;
        }
        System.out.printf("%s batch=%4d exports/s=%8.0f points/s=%9.0f (store time only)%n",
            db.describe().split(" ")[0], size, exports / (storeNanos / 1e9), items / (storeNanos / 1e9));
      }
    }
  }
}
