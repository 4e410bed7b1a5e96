package dev.yardstick.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.Signal;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.TelemetryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteQueueTest {
  private static final TelemetryBatch BATCH = new TelemetryBatch(1, Signal.METRICS, List.of(), 0, "", 0, null);
  private final List<Integer> commits = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstCommit = new CountDownLatch(1);
  private WriteQueue queue;

  private void start(Duration maxGather) {
    queue = new WriteQueue((batches, now) -> {
      commits.add(batches.size());
      try {
        firstCommit.await(10, TimeUnit.SECONDS); // holds the first commit until the test has queued more
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<TelemetryStore.Outcome> out = new ArrayList<>();
      batches.forEach(b -> out.add(new TelemetryStore.Outcome(1, 0)));
      return out;
    }, new ServerMetrics(), Clock.systemUTC(), 1 << 20, maxGather);
    queue.start();
  }

  @AfterEach
  void stop() throws Exception {
    firstCommit.countDown();
    queue.close();
  }

  /** After a commit of several, the next one waits for an export announced as on its way. */
  private void busy() throws Exception {
    CompletableFuture<?> a = queue.submit(BATCH, 1);
    while (commits.isEmpty()) {
      Thread.sleep(1);
    }
    CompletableFuture<?> b = queue.submit(BATCH, 1);
    CompletableFuture<?> c = queue.submit(BATCH, 1);
    firstCommit.countDown();
    CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
    assertThat(commits).containsExactly(1, 2);
  }

  @Test
  void busyWriter_waitsForAnnouncedExports_andCommitsThemTogether() throws Exception {
    start(Duration.ofSeconds(30));
    busy();
    queue.announce(); // on its way: decoded, not yet submitted
    queue.announce();
    CompletableFuture<?> d = queue.submit(BATCH, 1);
    queue.arrived();
    Thread.sleep(200); // far longer than the quiet time: only the announcement keeps the writer waiting
    assertThat(d).isNotDone();
    CompletableFuture<?> e = queue.submit(BATCH, 1);
    queue.arrived();

    CompletableFuture.allOf(d, e).get(5, TimeUnit.SECONDS);
    assertThat(commits).containsExactly(1, 2, 2);
  }

  @Test
  void busyWriter_withNothingOnItsWay_commitsWithoutWaitingForTheDeadline() throws Exception {
    start(Duration.ofSeconds(30));
    busy();
    queue.submit(BATCH, 1).get(5, TimeUnit.SECONDS); // 30 s would time out
    assertThat(commits).containsExactly(1, 2, 1);
  }

  @Test
  void announcedExportThatNeverComes_holdsACommitNoLongerThanTheDeadline() throws Exception {
    start(Duration.ofMillis(300));
    busy();
    queue.announce(); // refused before submitting, and its handler never said so
    long t0 = System.nanoTime();
    queue.submit(BATCH, 1).get(5, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    assertThat(commits).containsExactly(1, 2, 1);
  }
}
