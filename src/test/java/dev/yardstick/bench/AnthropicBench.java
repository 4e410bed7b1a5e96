package dev.yardstick.bench;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.ingest.anthropic.AdminApiClient;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.ingest.anthropic.SyncProgress;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Backfill of DAYS days × ACTORS actors from the local fake Admin API, against fetching the same
 * pages without storing them, in the same run: prints seconds, the ratio fetch/backfill (target ≥
 * 0.5: storing costs at most as much as fetching), rows, and peak heap.
 * Usage: AnthropicBench [days] [actors] [jdbc-url-or-"h2"] [pg-user]
 */
public final class AnthropicBench {
  public static void main(String[] args) throws Exception {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
    int actors = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String url = args.length > 2 && !args[2].equals("h2") ? args[2] : null;
    Optional<String> user = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
    LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    LocalDate from = to.minusDays(days - 1);
    AdminDataset data = new AdminDataset(actors, 42);
    Path dir = Files.createTempDirectory("yardstick-anthropic-bench");
    try (FakeAdminApi fake = new FakeAdminApi(data, AdminApiClient.MAX_PAGE);
        Database db = new Database(url != null ? url : Database.embeddedUrl(dir), user, Optional.empty(), 4)) {
      db.start();
      long org = new OrgStore(db).ensureDefault(Instant.now());
      SecretBox box = SecretBox.load(Optional.empty(), dir);
      AnthropicSync sync = new AnthropicSync(new AnthropicStore(db), box, AdminApiClient.standard(fake.url()), Clock.systemUTC(),
          AdminApiClient.MAX_PAGE, new dev.yardstick.ops.ServerMetrics());
      sync.configure(org, FakeAdminApi.ADMIN_KEY, from);
      System.out.printf("Admin API backfill: %d days x %d actors, database %s%n", days, actors, db.describe());
      // warm-up of both paths (JIT), into another organization, so neither measured run is the cold one
      long warm = new OrgStore(db).create("warm-up", ZoneOffset.UTC, Instant.now());
      sync.configure(warm, FakeAdminApi.ADMIN_KEY, to.minusDays(29));
      fetchOnly(fake, to.minusDays(29), to);
      sync.syncNow(warm, to.minusDays(29), to, sync.prepare(warm, to.minusDays(29), to));
      double fetch1 = fetchOnly(fake, from, to);
      System.gc();
      HeapSampler heap = new HeapSampler();
      long t0 = System.nanoTime();
      SyncProgress p = sync.prepare(org, from, to);
      SyncProgress.Snapshot s = sync.syncNow(org, from, to, p);
      double store = (System.nanoTime() - t0) / 1e9;
      heap.close();
      if (s.error() != null) {
        throw new IllegalStateException(s.error());
      }
      double fetch2 = fetchOnly(fake, from, to);
      double fetch = (fetch1 + fetch2) / 2;
      System.out.printf("fetch only (parse, discard): %.1f s and %.1f s (mean %.1f s)%n", fetch1, fetch2, fetch);
      System.out.printf("fetch and store:             %.1f s, %d rows in %d pages, %.0f rows/s%n", store, s.rows(), s.pages(),
          s.rows() / store);
      System.out.printf("ratio fetch/backfill: %.2f with the mean fetch, %.2f with the faster one (target >= 0.5);"
          + " storing added %.1f s (%.2fx the fetch time)%n", fetch / store, Math.min(fetch1, fetch2) / store, store - fetch,
          (store - fetch) / fetch);
      System.out.printf("heap during backfill (fake server in the same JVM): peak used %d MB, old generation after the last collection %d MB,"
          + " max heap %d MB%n", heap.peakUsed() >> 20, heap.peakAfterGc() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static double fetchOnly(FakeAdminApi fake, LocalDate from, LocalDate to) throws Exception {
    AdminApiClient client = AdminApiClient.standard(fake.url());
    long rows = 0;
    long t0 = System.nanoTime();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      long[] n = {0};
      client.day(FakeAdminApi.ADMIN_KEY, d, AdminApiClient.MAX_PAGE, page -> n[0] += page.rows().size());
      rows += n[0];
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (rows == 0) {
      throw new IllegalStateException("no rows fetched");
    }
    return s;
  }

  /** Samples heap use every 20 ms, and the old generation's size after each collection. */
  static final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private long peakUsed;

    HeapSampler() {
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      thread = Thread.ofPlatform().daemon(true).start(() -> {
        while (running) {
          peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    long peakUsed() {
      return peakUsed;
    }

    long peakAfterGc() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .filter(p -> p.getCollectionUsage() != null).mapToLong(p -> p.getCollectionUsage().getUsed()).max().orElse(0);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
