package dev.yardstick.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Claude Code Analytics Admin API built from the documented schema (Part B of the
 * reference): GET /v1/organizations/usage_report/claude_code with starting_at, limit (at most
 * 1000) and the page cursor; x-api-key and anthropic-version checked; Anthropic's error shape; and
 * scripted faults (429 with retry-after, 500, 401) for the client to survive.
 */
public final class FakeAdminApi implements AutoCloseable {
  public static final String ADMIN_KEY = "sk-ant-admin01-fake-0123456789abcdefWXYZ";
  public static final String NON_ADMIN_KEY = "sk-ant-api03-not-an-admin-key-0000";
  private static final JsonFactory JSON = new JsonFactory();

  /** A fault the next request gets instead of data. */
  public record Fault(int status, String type, String retryAfter) {}

  private final HttpServer server;
  private final AdminDataset data;
  private final int maxPage;
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger dataAnswers = new AtomicInteger();
  private final java.util.Set<LocalDate> daysAsked = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
  private volatile long delayMillis;

  /** @param maxPage the most rows this server puts in a page even when the client asks for more */
  public FakeAdminApi(AdminDataset data, int maxPage) throws IOException {
    this.data = data;
    this.maxPage = maxPage;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  public void delay(long millis) {
    this.delayMillis = millis;
  }

  public int requests() {
    return requests.get();
  }

  public int dataAnswers() {
    return dataAnswers.get();
  }

  /** The days data was answered for since the last {@link #forgetDaysAsked()}, in the order first asked. */
  public List<LocalDate> daysAsked() {
    synchronized (daysAsked) {
      return List.copyOf(daysAsked);
    }
  }

  public void forgetDaysAsked() {
    daysAsked.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (!ex.getRequestURI().getPath().equals("/v1/organizations/usage_report/claude_code")) {
        error(ex, 404, "not_found_error", "Not found", null);
        return;
      }
      String key = ex.getRequestHeaders().getFirst("x-api-key");
      if (key == null || (!key.equals(ADMIN_KEY) && !key.equals(NON_ADMIN_KEY))) {
        error(ex, 401, "authentication_error", "invalid x-api-key", null);
        return;
      }
      if (key.equals(NON_ADMIN_KEY)) {
        error(ex, 403, "permission_error", "This key does not have permission to access the Admin API", null);
        return;
      }
      if (!"2023-06-01".equals(ex.getRequestHeaders().getFirst("anthropic-version"))) {
        error(ex, 400, "invalid_request_error", "anthropic-version: header is required", null);
        return;
      }
      Fault f = faults.poll();
      if (f != null) {
        error(ex, f.status(), f.type(), "scripted fault", f.retryAfter());
        return;
      }
      answer(ex, query(ex.getRequestURI()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void answer(HttpExchange ex, Map<String, String> q) throws IOException {
    LocalDate day;
    int limit;
    int offset = 0;
    try {
      day = LocalDate.parse(q.getOrDefault("starting_at", ""));
      limit = Integer.parseInt(q.getOrDefault("limit", "20"));
      if (q.containsKey("page")) {
        String[] cursor = new String(Base64.getDecoder().decode(q.get("page").substring(5)), StandardCharsets.UTF_8).split("\\|");
        if (!cursor[0].equals(day.toString())) {
          throw new IllegalArgumentException("cursor of another day");
        }
        offset = Integer.parseInt(cursor[1]);
      }
    } catch (RuntimeException e) {
      error(ex, 400, "invalid_request_error", "invalid parameters: " + e.getMessage(), null);
      return;
    }
    if (limit < 1 || limit > 1000) {
      error(ex, 400, "invalid_request_error", "limit: must be between 1 and 1000", null);
      return;
    }
    List<AdminDataset.Row> rows = data.rows(day);
    int end = Math.min(rows.size(), offset + Math.min(limit, maxPage));
    boolean more = end < rows.size();
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator g = JSON.createGenerator(body)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (AdminDataset.Row r : rows.subList(Math.min(offset, rows.size()), end)) {
        FakeAdminRecords.write(g, r);
      }
      g.writeEndArray();
      g.writeBooleanField("has_more", more);
      if (more) {
        g.writeStringField("next_page", "page_" + Base64.getEncoder().encodeToString((day + "|" + end).getBytes(StandardCharsets.UTF_8)));
      } else {
        g.writeNullField("next_page");
      }
      g.writeEndObject();
    }
    dataAnswers.incrementAndGet();
    daysAsked.add(day);
    send(ex, 200, body.toByteArray(), null);
  }

  private static void error(HttpExchange ex, int status, String type, String message, String retryAfter) throws IOException {
    String body = "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
        + "\"},\"request_id\":\"req_fake" + System.nanoTime() + "\"}";
    send(ex, status, body.getBytes(StandardCharsets.UTF_8), retryAfter);
  }

  private static void send(HttpExchange ex, int status, byte[] body, String retryAfter) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("request-id", "req_fake");
    if (retryAfter != null) {
      ex.getResponseHeaders().set("retry-after", retryAfter);
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
