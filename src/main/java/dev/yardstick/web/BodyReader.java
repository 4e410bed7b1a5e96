package dev.yardstick.web;

import dev.yardstick.ingest.BodyBudget;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without blocking a thread: chunks are copied into one array as Jetty
 * delivers them, and reading stops at the cap. The array grows with the bytes that came (by half,
 * up to the declared length), never ahead of them: a client that declares 64 MiB and sends 100
 * bytes holds 16 KiB of the budget, one that sent 64 KiB at most 96 KiB.
 */
final class BodyReader implements Runnable {
  /** What becomes of the body: the bytes, or why there are none. */
  interface Sink {
    void body(byte[] body);

    void tooLarge(String message);

    /** Too many bytes of other bodies are in flight to take this one now. */
    void overloaded();

    void failed(Throwable cause);

    /** The request was answered already (ended for arriving too slowly): read no further. */
    boolean answered();
  }

  private static final int FIRST = 16 * 1024;
  private static final byte[] NONE = new byte[0];
  private final Request request;
  private final long cap;
  private final long maxBytes;
  private final BodyBudget.Share budget;
  private final Sink sink;
  private byte[] buf = NONE;
  private int len;

  BodyReader(Request request, long contentLength, long maxBytes, BodyBudget.Share budget, Sink sink) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.cap = contentLength >= 0 ? Math.min(contentLength, maxBytes) : maxBytes;
    this.budget = budget;
    this.sink = sink;
  }

  @Override
  public void run() {
    while (!sink.answered()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        sink.failed(chunk.getFailure());
        return;
      }
      ByteBuffer b = chunk.getByteBuffer();
      int n = b.remaining();
      if ((long) len + n > maxBytes) {
        chunk.release();
        sink.tooLarge("body is over the limit of " + maxBytes + " bytes");
        return;
      }
      budget.received(n);
      if (len + n > buf.length) {
        int size = (int) Math.max((long) len + n, Math.min(cap, Math.max(FIRST, buf.length + buf.length / 2L)));
        if (!budget.grow(size - buf.length)) {
          chunk.release();
          sink.overloaded();
          return;
        }
        buf = Arrays.copyOf(buf, size);
      }
      b.get(buf, len, n);
      len += n;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        if (budget.arrived()) { // else it was ended for its pace a moment ago, and answered
          sink.body(len == buf.length ? buf : Arrays.copyOf(buf, len));
        }
        return;
      }
    }
  }
}
