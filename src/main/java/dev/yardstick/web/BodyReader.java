package dev.yardstick.web;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without blocking a thread: chunks are copied into one array as Jetty
 * delivers them (exactly sized when a length up to 1 MiB is declared), and reading stops at the cap.
 */
final class BodyReader implements Runnable {
  /** What becomes of the body: the bytes, or why there are none. */
  interface Sink {
    void body(byte[] body);

    void tooLarge(String message);

    /** Too many bytes of other bodies are in flight to take this one now. */
    void overloaded();

    void failed(Throwable cause);
  }

  private static final int EXACT_UP_TO = 1 << 20;
  private final Request request;
  private final long maxBytes;
  private final BodyBudget.Share budget;
  private final Sink sink;
  private final int initial;
  private byte[] buf;
  private int len;

  BodyReader(Request request, long contentLength, long maxBytes, BodyBudget.Share budget, Sink sink) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.budget = budget;
    this.sink = sink;
    // sized as declared up to 1 MiB: a client that declares 64 MiB and sends nothing must not cost 64 MiB
    this.initial = contentLength >= 0 ? (int) Math.min(contentLength, EXACT_UP_TO) : 16 * 1024;
  }

  @Override
  public void run() {
    if (buf == null) {
      if (!budget.grow(initial)) {
        sink.overloaded();
        return;
      }
      buf = new byte[initial];
    }
    while (true) {
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
      if (len + n > buf.length) {
        int size = (int) Math.min(maxBytes, Math.max((long) buf.length * 2, (long) len + n));
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
        sink.body(len == buf.length ? buf : Arrays.copyOf(buf, len));
        return;
      }
    }
  }
}
