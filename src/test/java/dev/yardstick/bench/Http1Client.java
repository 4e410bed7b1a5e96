package dev.yardstick.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for load generation: one connection, one request at a time,
 * far cheaper per request than java.net.http so that the client is not what is measured.
 */
final class Http1Client implements AutoCloseable {
  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  Http1Client(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** A response: status and the Retry-After header (or null). */
  record Response(int status, String retryAfter) {}

  Response post(String path, String contentType, String authorization, byte[] body) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        connectIfNeeded();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + contentType
            + "\r\nAuthorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return readResponse();
      } catch (IOException e) {
        close(); // the server closed a kept-alive connection: reconnect once
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }

  private void connectIfNeeded() throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }
  }

  private Response readResponse() throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    String retryAfter = null;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase();
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "retry-after" -> retryAfter = value;
        default -> { }
      }
    }
    if (chunked) {
      for (long n = Long.parseLong(line().trim(), 16); n > 0; n = Long.parseLong(line().trim(), 16)) {
        in.skipNBytes(n);
        line();
      }
      line();
    } else if (length > 0) {
      in.skipNBytes(length);
    }
    if (close) {
      close();
    }
    return new Response(code, retryAfter);
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      sb.append((char) c);
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
