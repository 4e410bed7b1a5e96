package dev.yardstick.bench;

import dev.yardstick.App;
import dev.yardstick.config.Config;
import dev.yardstick.storage.TelemetryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The ingest benchmark's reference: the whole server (HTTP, tokens, decoding, mapping, the write
 * queue) with a writer that keeps nothing, so that the cost of storing can be told apart from the
 * cost of receiving, and compared with the Collector that discards. Never used to serve data.
 *
 * <p>Usage: the same environment as {@code serve}; runs until killed.
 */
public final class DiscardingServer {
  private DiscardingServer() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.fromEnv(System.getenv());
    App app = new App(config, Clock.systemUTC(), real -> (batches, now) -> {
      List<TelemetryStore.Outcome> outcomes = new ArrayList<>(batches.size());
      batches.forEach(b -> outcomes.add(new TelemetryStore.Outcome(b.items(), 0)));
      return outcomes;
    });
    app.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    new CountDownLatch(1).await();
  }
}
