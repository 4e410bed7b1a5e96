package dev.yardstick.bench;

import dev.yardstick.ingest.otlp.OtlpIngestProbe;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.ReportQueries;
import dev.yardstick.storage.TelemetryRemoval;
import dev.yardstick.storage.TelemetryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a removal costs on a filled database: the peers kit's export from 1,000 developers (as
 * {@link KitStoreBench} writes it, a clock 61 s on per export), every 499th sent with a second token;
 * then a dry run and a removal of that token's groups, of one developer's, and of one day's.
 * Prints milliseconds, groups and day rows rebuilt.
 *
 * <p>Usage: RemovalBench payload.json [h2|jdbcUrl] [exports]
 */
public final class RemovalBench {
  private static final String LEAKED = "bbbbbbbbbbbbbbbb";

  private RemovalBench() {}

  public static void main(String[] args) throws Exception {
    String body = Files.readString(Path.of(args[0]));
    int exports = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    try (Database db = BenchDatabase.open(args.length > 1 ? args[1] : null, "removalbench")) {
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      TelemetryStore store = new TelemetryStore(db, orgs);
      long t0 = System.nanoTime();
      for (int n = 1; n <= exports; n += 32) {
        List<TelemetryBatch> batches = new ArrayList<>(32);
        for (int i = n; i < n + 32 && i <= exports; i++) {
          TelemetryBatch b = OtlpIngestProbe.mapJson(org, KitStoreBench.kitExport(body, i));
          batches.add(i % 499 == 0 ? new TelemetryBatch(org, b.signal(), b.groups(), 0, "", 0, LEAKED) : b);
        }
        store.write(batches, Instant.now());
      }
      System.out.printf("%s: %,d exports stored in %.1f s%n", db.describe().split(" ")[0], exports, (System.nanoTime() - t0) / 1e9);
      TelemetryRemoval removal = new TelemetryRemoval(db, orgs);
      long developer = new ReportQueries(db).identities(org).keySet().stream().min(Long::compare).orElseThrow();
      LocalDate day = LocalDate.ofEpochDay((1_000_000_000L + exports / 2 * 61L) / 86_400);
      run(removal, org, "token (every 499th export)", new TelemetryRemoval.Filter(LEAKED, null, null, null), 1);
      run(removal, org, "one developer, all days", new TelemetryRemoval.Filter(null, Set.of(developer), null, null), 2);
      run(removal, org, "one day, everyone (" + day + ")", new TelemetryRemoval.Filter(null, null, day, day), 3);
    }
  }

  private static void run(TelemetryRemoval removal, long org, String what, TelemetryRemoval.Filter f, long id) {
    long t0 = System.nanoTime();
    TelemetryRemoval.Outcome dry = removal.run(org, f, null, Instant.now());
    long t1 = System.nanoTime();
    TelemetryRemoval.Outcome done = removal.run(org, f, id, Instant.now());
    long t2 = System.nanoTime();
    System.out.printf("%-40s dry run %7.0f ms, removal %7.0f ms: %,d groups, %,d day rows rebuilt%s%n", what, (t1 - t0) / 1e6,
        (t2 - t1) / 1e6, done.factGroups(), done.dayRows(), dry.factGroups() == done.factGroups() ? "" : " (dry run said "
            + dry.factGroups() + ")");
  }
}
