package dev.yardstick.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background chores on a schedule, each on its own thread (a year's backfill or a large import
 * must not hold up the others); a chore that fails is logged and runs again at its next turn.
 */
public final class Chores implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Chores.class);
  private final List<ScheduledExecutorService> threads = new ArrayList<>();

  public void every(String name, long firstSeconds, long periodSeconds, Runnable chore) {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name(name).daemon(true).unstarted(r));
    s.scheduleWithFixedDelay(() -> {
      try {
        chore.run();
      } catch (RuntimeException e) {
        log.warn("{} failed: {}", name, e.getMessage());
      }
    }, firstSeconds, periodSeconds, TimeUnit.SECONDS);
    threads.add(s);
  }

  /** Interrupts every chore and waits for them, so they give their leases back before the database closes. */
  @Override
  public void close() throws InterruptedException {
    threads.forEach(ScheduledExecutorService::shutdownNow);
    for (ScheduledExecutorService s : threads) {
      s.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
