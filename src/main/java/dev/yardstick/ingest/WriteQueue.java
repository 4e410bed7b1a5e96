package dev.yardstick.ingest;

import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.SqlFailure;
import dev.yardstick.storage.StorageUnavailableException;
import dev.yardstick.storage.TelemetryStore;
import dev.yardstick.storage.TelemetryWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: exports wait here until one writer thread stores many of them in a single
 * transaction, and each caller's future completes only after that commit. A commit has a fixed cost
 * of about a millisecond on H2, so when the last commit held several exports the writer waits (up
 * to {@link #MAX_GATHER}) for those announced as on their way in; an idle server commits at once.
 * The queue is bounded in bytes; when it is full, or the database was just found unreachable,
 * submit refuses at once.
 */
public final class WriteQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriteQueue.class);
  private static final int MAX_EXPORTS_PER_COMMIT = 1000;
  private static final long MAX_BYTES_PER_COMMIT = 16L << 20;
  /** How long the writer waits at most for exports on their way in, to commit them together. */
  public static final Duration MAX_GATHER = Duration.ofMillis(8);
  /** The writer commits once no export is on its way and none has come for this long (the HTTP server's own share). */
  private static final long QUIET_NANOS = TimeUnit.MICROSECONDS.toNanos(150);
  /** After a failed connection, refuse new exports this long instead of queueing them behind the outage. */
  private static final long OUTAGE_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  private final TelemetryWriter store;
  private final long maxGatherNanos;
  private final ServerMetrics metrics;
  private final Clock clock;
  private final long maxQueuedBytes;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  /** Exports on their way in (body being read or decoded), to be submitted in a moment: the writer waits a little for them. */
  private final AtomicInteger arriving = new AtomicInteger();
  private volatile long outageUntilNanos;
  private volatile boolean running;
  private volatile Thread writer;
  private int lastCommitSize; // the writer's own

  public WriteQueue(TelemetryWriter store, ServerMetrics metrics, Clock clock, long maxQueuedBytes) {
    this(store, metrics, clock, maxQueuedBytes, MAX_GATHER);
  }

  WriteQueue(TelemetryWriter store, ServerMetrics metrics, Clock clock, long maxQueuedBytes, Duration maxGather) {
    this.maxGatherNanos = maxGather.toNanos();
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.maxQueuedBytes = maxQueuedBytes;
  }

  public void start() {
    running = true;
    metrics.queueGauges(queue::size, queuedBytes::get);
    writer = Thread.ofPlatform().name("yardstick-writer").daemon(false).start(this::run);
  }

  /**
   * Queues a batch; the future completes after its commit, or fails with {@link StorageUnavailableException}.
   *
   * @param bytes what the batch costs in memory, roughly its decoded body size
   * @throws OverloadedException when the queue is full
   * @throws StorageUnavailableException when the database was unreachable a moment ago
   */
  public CompletableFuture<TelemetryStore.Outcome> submit(TelemetryBatch batch, long bytes) {
    if (!running) {
      throw new StorageUnavailableException(writer == null ? "the server is starting" : "the server is shutting down");
    }
    if (!writing()) {
      throw new StorageUnavailableException("the writer has stopped");
    }
    if (System.nanoTime() < outageUntilNanos) {
      throw new StorageUnavailableException("the database is unreachable");
    }
    long after = queuedBytes.addAndGet(bytes);
    if (after > maxQueuedBytes && after != bytes) { // one export larger than the budget still passes an empty queue
      queuedBytes.addAndGet(-bytes);
      throw new OverloadedException("too many exports are waiting to be stored");
    }
    Pending p = new Pending(batch, bytes, System.nanoTime(), new CompletableFuture<>());
    queue.add(p);
    return p.done;
  }

  /** An export is being decoded and may be submitted shortly; call {@link #arrived()} after submitting or refusing it. */
  public void announce() {
    arriving.incrementAndGet();
  }

  /** The announced export was submitted, or will not be. */
  public void arrived() {
    arriving.decrementAndGet();
  }

  public int depth() {
    return queue.size();
  }

  private void run() {
    List<Pending> taken = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        long bytes = first.bytes;
        long gatherUntil = lastCommitSize > 1 ? System.nanoTime() + maxGatherNanos : 0; // idle: commit at once
        while (taken.size() < MAX_EXPORTS_PER_COMMIT && bytes < MAX_BYTES_PER_COMMIT) {
          Pending next = queue.poll();
          if (next == null && System.nanoTime() < gatherUntil) {
            // a commit costs about a millisecond whatever its size: while exports are on their way, wait for them
            next = queue.poll(QUIET_NANOS, TimeUnit.NANOSECONDS);
            if (next == null && arriving.get() > 0) {
              continue;
            }
          }
          if (next == null) {
            break;
          }
          taken.add(next);
          bytes += next.bytes;
        }
        queuedBytes.addAndGet(-bytes);
        lastCommitSize = taken.size();
        commit(taken);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Throwable e) { // whatever it was, the writer goes on: a dead writer would leave every export hanging
        log.error("writer failed", e);
        metrics.writerFailure();
        fail(taken, new IllegalStateException("the export could not be stored", e));
      } finally {
        taken.clear();
      }
    }
  }

  private void commit(List<Pending> taken) {
    List<TelemetryBatch> batches = new ArrayList<>(taken.size());
    for (Pending p : taken) {
      batches.add(p.batch);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        List<TelemetryStore.Outcome> outcomes = store.write(batches, clock.instant());
        long now = System.nanoTime();
        metrics.commitBatch(taken.size());
        for (int i = 0; i < taken.size(); i++) {
          metrics.commitLatency(now - taken.get(i).queuedAt);
          taken.get(i).done.complete(outcomes.get(i));
        }
        return;
      } catch (SQLException e) {
        SqlFailure kind = SqlFailure.of(e);
        if (kind == SqlFailure.CONFLICT && attempt < 5) {
          continue; // a deadlock or serialization failure against another server: the retry sees its rows
        }
        if (kind == SqlFailure.UNAVAILABLE) {
          outageUntilNanos = System.nanoTime() + OUTAGE_BACKOFF_NANOS;
          log.warn("database unreachable, answering 503 for {} exports: {}", taken.size(), brief(e));
          fail(taken, new StorageUnavailableException("the database is unreachable"));
          return;
        }
        if (taken.size() > 1) {
          commitOneByOne(taken); // find the export the database refuses, store the others
          return;
        }
        log.error("could not store an export", e);
        fail(taken, new IllegalStateException("the export could not be stored: " + e.getMessage(), e));
        return;
      } catch (StorageUnavailableException e) {
        fail(taken, e);
        return;
      } catch (RuntimeException | Error e) { // a bug or a crash while storing: find the export it is about, store the others
        metrics.writerFailure();
        if (taken.size() > 1) {
          log.warn("writer failed on {} exports, storing them one by one: {}", taken.size(), brief(e));
          commitOneByOne(taken);
          return;
        }
        log.error("could not store an export", e);
        fail(taken, new IllegalStateException("the export could not be stored", e));
        return;
      }
    }
  }

  /** False once the writer thread is gone (it should never be): nothing queued would be stored. */
  public boolean writing() {
    Thread w = writer;
    return w != null && w.isAlive();
  }

  private void commitOneByOne(List<Pending> taken) {
    for (Pending p : taken) {
      commit(new ArrayList<>(List.of(p)));
    }
  }

  /** Driver messages can quote a whole batch of SQL; the first line of the root cause says enough. */
  static String brief(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
  }

  private static void fail(List<Pending> taken, RuntimeException e) {
    for (Pending p : taken) {
      p.done.completeExceptionally(e);
    }
  }

  /** Stops taking exports and stores those already queued. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    if (writer != null) {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  private record Pending(TelemetryBatch batch, long bytes, long queuedAt, CompletableFuture<TelemetryStore.Outcome> done) {}
}
