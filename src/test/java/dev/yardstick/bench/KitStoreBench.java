package dev.yardstick.bench;

import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.TelemetryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage share of the ingest benchmark in one thread: the peers kit's export, rewritten per
 * export as its wrk script does (one of 1,000 developers, the clock 61 s on), decoded up front,
 * written in transactions of a given size, identities' first/last seen written every {@code seenEvery}
 * exports, as the server's writer does. Prints microseconds of storage per export, wall and CPU.
 *
 * <p>Usage: KitStoreBench payload.json [h2|jdbcUrl] [seconds] [batch] [seenEvery]
 */
public final class KitStoreBench {
  private KitStoreBench() {}

  public static void main(String[] args) throws Exception {
    String body = Files.readString(Path.of(args[0]));
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    int seenEvery = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
    try (Database db = BenchDatabase.open(args.length > 1 ? args[1] : null, "kitstore")) {
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      TelemetryStore store = new TelemetryStore(db, orgs);
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long n = 0;
      for (int round = 0; round < 3; round++) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long exports = 0;
        long writeNanos = 0;
        long writeCpu = 0;
        while (System.nanoTime() < end) {
          List<TelemetryBatch> batches = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            batches.add(OtlpIngestProbe.mapJson(org, kitExport(body, ++n)));
          }
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          store.write(batches, Instant.now());
          if (n % seenEvery < batch) {
            store.writeSeen();
          }
          writeNanos += System.nanoTime() - t0;
          writeCpu += threads.getCurrentThreadCpuTime() - c0;
          exports += batch;
        }
        // CPU is this thread's: on PostgreSQL the driver's share, on H2 the database's too (not its background writer)
        System.out.printf("%s batch=%d: storage %.1f us/export (CPU %.1f us), %.0f exports/s%n",
            db.describe().split(" ")[0], batch, writeNanos / 1e3 / exports, writeCpu / 1e3 / exports,
            exports / (writeNanos / 1e9));
      }
    }
  }

  /** The kit's rewriting: developer, session and a clock that moves 61 s per export. */
  static byte[] kitExport(String body, long n) {
    int user = (int) (Math.floorMod(n * 2654435761L, 1000) + 1);
    long t0 = 1_000_000_000L + n * 61;
    return body.replace("dev0001", String.format("dev%04d", user))
        .replace("6c1f5d2e", String.format("%08x", user * 7919 + (n % 16)))
        .replace("1700000000", String.format("%010d", t0)).replace("1700000060", String.format("%010d", t0 + 60))
        .getBytes(StandardCharsets.UTF_8);
  }
}
