package dev.yardstick.repos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a producer (git's output, parsed) on its own thread and hands its items to the caller in
 * batches, so reading the next commits overlaps with storing the last ones.
 */
final class BatchPipe<T> {
  /** Produces items into the consumer it is given. */
  interface Producer<T> {
    void produce(Consumer<T> sink) throws Exception;
  }

  /** Receives each batch in order on the caller's thread. */
  interface BatchSink<T> {
    void accept(List<T> batch) throws Exception;
  }

  private record Slot<T>(List<T> batch, Exception failure, boolean end) {}

  private BatchPipe() {}

  static <T> void run(int batchSize, Producer<T> producer, BatchSink<T> sink) throws Exception {
    BlockingQueue<Slot<T>> queue = new ArrayBlockingQueue<>(3);
    Thread reader = Thread.ofVirtual().name("git-reader").start(() -> {
      List<List<T>> current = new ArrayList<>(List.of(new ArrayList<>(batchSize)));
      try {
        producer.produce(item -> {
          current.getFirst().add(item);
          if (current.getFirst().size() == batchSize) {
            put(queue, new Slot<>(current.getFirst(), null, false));
            current.set(0, new ArrayList<>(batchSize));
          }
        });
        put(queue, new Slot<>(current.getFirst(), null, false));
        put(queue, new Slot<>(null, null, true));
      } catch (Exception e) {
        queue.offer(new Slot<>(null, e, true));
      }
    });
    try {
      while (true) {
        Slot<T> s = queue.take();
        if (s.failure() != null) {
          throw s.failure();
        }
        if (s.end()) {
          return;
        }
        if (!s.batch().isEmpty()) {
          sink.accept(s.batch());
        }
      }
    } finally {
      reader.interrupt();
      reader.join(10_000);
    }
  }

  private static <T> void put(BlockingQueue<Slot<T>> queue, Slot<T> slot) {
    try {
      queue.put(slot);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped");
    }
  }
}
