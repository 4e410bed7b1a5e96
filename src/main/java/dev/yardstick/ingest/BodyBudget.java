package dev.yardstick.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The bytes of OTLP bodies being received and decompressed at once, over HTTP and gRPC alike,
 * bounded so that many large bodies arriving together cannot exhaust memory (each may be up to the
 * body cap, twice over when compressed). A body that would pass the bound is refused, unless it is
 * the only one in flight: a single body within the cap always gets through. Bytes are taken as
 * they arrive, never for a declared length, and a body that arrives too slowly ({@link BodyPace})
 * is ended by a sweeper and its bytes given back, so that stalled clients cannot hold the budget.
 */
public final class BodyBudget implements AutoCloseable {
  private final long limit;
  private final BodyPace pace;
  private final LongSupplier nanos;
  private final AtomicLong used = new AtomicLong();
  private final Set<Share> arriving = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService sweeper;

  public BodyBudget(long limit, BodyPace pace) {
    this(limit, pace, System::nanoTime);
  }

  BodyBudget(long limit, BodyPace pace, LongSupplier nanos) {
    this.limit = limit;
    this.pace = pace;
    this.nanos = nanos;
  }

  /** Starts the sweeper, which looks at every body still arriving several times a second. */
  public void start() {
    long period = Math.clamp(pace.timeout().toMillis() / 10, 50, 250);
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("yardstick-body-pace").daemon().unstarted(r));
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** A new body's share of the budget, paced from now. */
  public Share share() {
    Share s = new Share(nanos.getAsLong());
    arriving.add(s);
    return s;
  }

  /** What a body refused by the bound is answered (429 over HTTP, UNAVAILABLE over gRPC). */
  public static OverloadedException overloaded() {
    return new OverloadedException("too many large bodies are being received at once");
  }

  public long used() {
    return used.get();
  }

  /** Bodies still arriving. */
  public int arriving() {
    return arriving.size();
  }

  /** Ends every body that arrives too slowly. */
  void sweep() {
    long now = nanos.getAsLong();
    for (Share s : arriving) {
      s.checkPace(now);
    }
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }

  /**
   * One body's bytes. The transport takes bytes as it buffers them ({@link #grow}), counts what
   * came over the wire ({@link #received}), says when the whole body is in ({@link #arrived}) and
   * gives the bytes back once the body is decoded or refused ({@link #release}, again is harmless).
   */
  public final class Share {
    private final long started;
    private long held; // all guarded by this
    private long received;
    private boolean complete;
    private boolean ended;
    private String tooSlow;
    private Consumer<String> onTooSlow;

    private Share(long started) {
      this.started = started;
    }

    /** Takes {@code bytes} more; false (taking nothing) when that would pass the bound while others hold bytes, or the body was ended. */
    public synchronized boolean grow(long bytes) {
      if (ended) {
        return false;
      }
      long after = used.addAndGet(bytes);
      if (after > limit && after != held + bytes) {
        used.addAndGet(-bytes);
        return false;
      }
      held += bytes;
      return true;
    }

    /**
     * Reads {@code in} to its end into one array that grows as bytes come, taking each growth from
     * the budget; stops after {@code maxBytes + 1} bytes (the caller refuses a longer body).
     *
     * @throws OverloadedException when the budget refuses to grow
     */
    public byte[] readAll(InputStream in, long maxBytes) throws IOException {
      byte[] buf = grown(new byte[0], 16 * 1024);
      int len = 0;
      while (true) {
        if (len == buf.length) {
          if (len > maxBytes) {
            return buf;
          }
          buf = grown(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2));
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          return Arrays.copyOf(buf, len);
        }
        len += n;
      }
    }

    private byte[] grown(byte[] buf, int size) {
      if (!grow(size - buf.length)) {
        throw overloaded();
      }
      return Arrays.copyOf(buf, size);
    }

    /** {@code bytes} more of the body came over the wire (its pace). */
    public synchronized void received(long bytes) {
      received += bytes;
    }

    /** The whole body is in, and its pace no longer matters; false when it was ended for its pace first (it was answered then). */
    public boolean arrived() {
      synchronized (this) {
        if (ended) {
          return false;
        }
        complete = true;
      }
      arriving.remove(this);
      return true;
    }

    public void release() {
      synchronized (this) {
        ended = true;
        used.addAndGet(-held);
        held = 0;
      }
      arriving.remove(this);
    }

    /** What to do when the body is ended for arriving too slowly (told why); at once if it already was. */
    public void onTooSlow(Consumer<String> action) {
      String why;
      synchronized (this) {
        onTooSlow = action;
        why = tooSlow;
      }
      if (why != null) {
        action.accept(why);
      }
    }

    private void checkPace(long now) {
      Consumer<String> action;
      String why;
      synchronized (this) {
        if (ended || complete) {
          return;
        }
        why = pace.tooSlow(received, now - started);
        if (why == null) {
          return;
        }
        tooSlow = why;
        action = onTooSlow;
      }
      release();
      if (action != null) {
        action.accept(why);
      }
    }
  }
}
