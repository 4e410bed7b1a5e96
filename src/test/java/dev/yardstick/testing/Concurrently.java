package dev.yardstick.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs calls at the same moment (each on its own thread, released together): races over real HTTP. */
public final class Concurrently {
  private Concurrently() {}

  /** One call, the i-th of n; returns the HTTP status it got. */
  public interface Call {
    int status(int i) throws Exception;
  }

  /** The statuses of n calls released together, in call order. */
  public static List<Integer> statuses(int n, Call call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          go.await();
          return call.status(index);
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    }
  }
}
