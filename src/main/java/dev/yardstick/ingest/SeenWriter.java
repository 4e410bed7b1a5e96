package dev.yardstick.ingest;

import dev.yardstick.storage.TelemetryStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes identities' first/last seen every few seconds, on a thread of its own so that ingest never
 * waits for it; a failed run is retried by the next, and the last one runs at shutdown.
 */
public final class SeenWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeenWriter.class);

  private final TelemetryStore store;
  private final long periodMillis;
  private ScheduledExecutorService executor;

  public SeenWriter(TelemetryStore store, long periodMillis) {
    this.store = store;
    this.periodMillis = periodMillis;
  }

  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("yardstick-seen").daemon(true).unstarted(r));
    executor.scheduleWithFixedDelay(this::writeQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void writeQuietly() {
    try {
      store.writeSeen();
    } catch (Exception e) {
      log.warn("could not write identities' first/last seen, will retry: {}", WriteQueue.brief(e));
    }
  }

  /** Stops the schedule and writes what the last exports left. */
  @Override
  public void close() throws InterruptedException {
    if (executor != null) {
      executor.shutdown();
      executor.awaitTermination(30, TimeUnit.SECONDS);
      writeQuietly();
    }
  }
}
