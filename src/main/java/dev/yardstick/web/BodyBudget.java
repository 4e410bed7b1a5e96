package dev.yardstick.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of OTLP bodies being read and decompressed at once, bounded so that many large bodies
 * arriving together cannot exhaust the heap (each may be up to the body cap, twice over when
 * gzip). A body that would pass the bound is refused with 429, unless it is the only one in flight:
 * a single body within the cap always gets through.
 */
final class BodyBudget {
  private final long limit;
  private final AtomicLong used = new AtomicLong();

  BodyBudget(long limit) {
    this.limit = limit;
  }

  Share share() {
    return new Share();
  }

  long used() {
    return used.get();
  }

  /** One request's bytes; {@link #release()} once its body is decoded or refused (again is harmless). */
  final class Share {
    private long held;

    /** Takes {@code bytes} more; false (taking nothing) when that would pass the bound while others hold bytes. */
    boolean grow(long bytes) {
      long after = used.addAndGet(bytes);
      if (after > limit && after != held + bytes) {
        used.addAndGet(-bytes);
        return false;
      }
      held += bytes;
      return true;
    }

    void release() {
      used.addAndGet(-held);
      held = 0;
    }
  }
}
