package dev.yardstick.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP server that accepts every connection and never answers: a stuck git remote. */
public final class SilentRemote implements AutoCloseable {
  private final ServerSocket listener;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();

  public SilentRemote() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("silent-remote").start(this::acceptAll);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections taken so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections the client has not closed yet. */
  public int open() {
    return open.get();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        accepted.incrementAndGet();
        open.incrementAndGet();
        Thread.ofVirtual().start(() -> drain(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  // reads whatever the client sends, answers nothing, and notes when the client goes away
  private void drain(Socket s) {
    try (s; InputStream in = s.getInputStream()) {
      byte[] buf = new byte[4096];
      while (in.read(buf) >= 0) {
        // nothing to say
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.decrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
