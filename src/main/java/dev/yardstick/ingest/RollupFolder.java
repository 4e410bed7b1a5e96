package dev.yardstick.ingest;

import dev.yardstick.storage.TelemetryStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds pending rollup increments into the daily rollups every few seconds, on a thread of its
 * own so that ingest never waits for it. Reports read both, so this only keeps the pending tables
 * small; a failed run is retried by the next.
 */
public final class RollupFolder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RollupFolder.class);

  private final TelemetryStore store;
  private final long periodMillis;
  private ScheduledExecutorService executor;

  public RollupFolder(TelemetryStore store, long periodMillis) {
    this.store = store;
    this.periodMillis = periodMillis;
  }

  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("yardstick-rollups").daemon(true).unstarted(r));
    executor.scheduleWithFixedDelay(this::foldQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void foldQuietly() {
    try {
      long started = System.nanoTime();
      int rows = store.compact();
      if (rows > 0 && log.isDebugEnabled()) {
        log.debug("folded {} pending rollup rows in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
      }
    } catch (Exception e) {
      log.warn("could not fold pending rollups in, will retry: {}", WriteQueue.brief(e));
    }
  }

  /** Stops the schedule and folds in what the last exports left pending. */
  @Override
  public void close() throws InterruptedException {
    if (executor != null) {
      executor.shutdown();
      executor.awaitTermination(30, TimeUnit.SECONDS);
      foldQuietly();
    }
  }
}
