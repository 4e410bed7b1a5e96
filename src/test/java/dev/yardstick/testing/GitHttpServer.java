package dev.yardstick.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Git's smart HTTP protocol on loopback, served by git's own CGI program ({@code git http-backend})
 * for every repository under a directory; it keeps what each request looked like.
 */
public final class GitHttpServer implements AutoCloseable {
  /** One request as it arrived. */
  public record Request(String method, String uri, boolean authorization) {}

  private final HttpServer http;
  private final Path root;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public GitHttpServer(Path root) throws IOException {
    this.root = root;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext("/", this::serve);
    http.start();
  }

  /** The clone URL of a repository under the root, e.g. {@code url("app")}. */
  public String url(String name) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + name;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void serve(HttpExchange ex) throws IOException {
    requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
        ex.getRequestHeaders().containsKey("Authorization")));
    ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = pb.environment();
    env.put("GIT_PROJECT_ROOT", root.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("REQUEST_METHOD", ex.getRequestMethod());
    env.put("PATH_INFO", ex.getRequestURI().getPath());
    env.put("QUERY_STRING", ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
    env.put("REMOTE_ADDR", "127.0.0.1");
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null) {
      env.put("CONTENT_TYPE", type);
    }
    String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null) {
      env.put("HTTP_CONTENT_ENCODING", encoding);
    }
    String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
    if (protocol != null) {
      env.put("GIT_PROTOCOL", protocol);
    }
    byte[] body = ex.getRequestBody().readAllBytes();
    env.put("CONTENT_LENGTH", Integer.toString(body.length));
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(body);
    }
    byte[] out;
    try (InputStream o = p.getInputStream()) {
      out = o.readAllBytes();
    }
    answer(ex, out);
  }

  // a CGI answer is headers (with an optional Status), a blank line, then the body
  private static void answer(HttpExchange ex, byte[] cgi) throws IOException {
    int split = indexOf(cgi, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int skip = 4;
    if (split < 0) {
      split = indexOf(cgi, "\n\n".getBytes(StandardCharsets.US_ASCII));
      skip = 2;
    }
    int status = 200;
    if (split >= 0) {
      for (String line : new String(cgi, 0, split, StandardCharsets.ISO_8859_1).split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Status")) {
          status = Integer.parseInt(value.split(" ")[0]);
        } else {
          ex.getResponseHeaders().add(name, value);
        }
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(cgi, split < 0 ? 0 : split + skip, cgi.length - (split < 0 ? 0 : split + skip));
    ex.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
    try (OutputStream o = ex.getResponseBody()) {
      body.writeTo(o);
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
