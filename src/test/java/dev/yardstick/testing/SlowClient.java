package dev.yardstick.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An OTLP/HTTP client on a raw socket that sends its headers and part of its body, then as much
 * more as it is told, when it is told: a stalled or dribbling exporter, as a hostile client writes it.
 */
public final class SlowClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private boolean closedByServer;

  /** Sends the request line, headers declaring {@code declared} bytes, and the first {@code body} bytes. */
  public SlowClient(int port, String token, long declared, byte[] body) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(200);
    out = socket.getOutputStream();
    out.write(("POST /otel/v1/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** Sends more of the body; false once the server has closed the connection. */
  public boolean send(byte[] more) {
    if (closedByServer) {
      return false;
    }
    try {
      out.write(more);
      out.flush();
      return true;
    } catch (IOException e) {
      closedByServer = true;
      return false;
    }
  }

  /**
   * What the server answered so far and whether it closed the connection after it: waits up to
   * {@code millis} for the answer and the end of the stream, returns what has come by then.
   */
  public Answer answer(long millis) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buf = new byte[4096];
    long until = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < until) {
      try {
        int n = in.read(buf);
        if (n < 0) {
          return new Answer(got.toString(StandardCharsets.UTF_8), true);
        }
        got.write(buf, 0, n);
      } catch (SocketTimeoutException e) {
        // nothing yet
      } catch (IOException e) { // reset by the server: closed as well
        return new Answer(got.toString(StandardCharsets.UTF_8), true);
      }
    }
    return new Answer(got.toString(StandardCharsets.UTF_8), false);
  }

  /** The raw response text and whether the server closed the connection. */
  public record Answer(String text, boolean closed) {
    /** The status code of the response, or 0 when none came. */
    public int status() {
      return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
    }

    public String body() {
      int i = text.indexOf("\r\n\r\n");
      return i < 0 ? "" : text.substring(i + 4);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
