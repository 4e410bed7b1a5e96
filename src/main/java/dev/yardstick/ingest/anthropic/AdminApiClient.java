package dev.yardstick.ingest.anthropic;

import dev.yardstick.ingest.anthropic.AdminApiException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Calls the Claude Code Analytics Admin API: one UTC day at a time, page by page, honouring 429
 * retry-after and backing off on 5xx and network errors. The key travels only in its header.
 */
public final class AdminApiClient {
  static final String PATH = "/v1/organizations/usage_report/claude_code";
  // a sync waits long for a large page; someone saving or testing a key waits at a form
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration INTERACTIVE_TIMEOUT = Duration.ofSeconds(20);
  public static final int MAX_PAGE = 1000;

  /** How the client waits between attempts; tests replace it to keep time. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final URI base;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final RetryPolicy retry;

  public AdminApiClient(URI base, Sleeper sleeper, RetryPolicy retry) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.sleeper = sleeper;
    this.retry = retry;
  }

  public static AdminApiClient standard(URI base) {
    return new AdminApiClient(base, d -> Thread.sleep(d.toMillis()), RetryPolicy.STANDARD);
  }

  /** Receives each page of a day as it arrives, so a large day never sits in memory whole. */
  public interface PageSink {
    void accept(AdminUsageJson.Page page) throws Exception;
  }

  /** Every page of one day; returns the number of pages. */
  public int day(String key, LocalDate day, int limit, PageSink sink) throws Exception {
    String cursor = null;
    int pages = 0;
    do {
      AdminUsageJson.Page page = page(key, day, cursor, limit);
      sink.accept(page);
      pages++;
      cursor = page.hasMore() ? page.nextPage() : null;
    } while (cursor != null);
    return pages;
  }

  /** One page, retried as the retry policy says. */
  public AdminUsageJson.Page page(String key, LocalDate day, String cursor, int limit) throws AdminApiException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(key, day, cursor, limit, SYNC_TIMEOUT);
      } catch (AdminApiException e) {
        Duration wait = retry.wait(e, attempt);
        if (wait == null) {
          throw e;
        }
        sleeper.sleep(wait);
      }
    }
  }

  /** One attempt, no retries: what "test connection" and saving a key need. */
  public AdminUsageJson.Page probe(String key, LocalDate day) throws AdminApiException, InterruptedException {
    return once(key, day, null, 1, INTERACTIVE_TIMEOUT);
  }

  private AdminUsageJson.Page once(String key, LocalDate day, String cursor, int limit, Duration timeout)
      throws AdminApiException, InterruptedException {
    String query = "starting_at=" + day + "&limit=" + Math.min(Math.max(limit, 1), MAX_PAGE)
        + (cursor == null ? "" : "&page=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH + "?" + query))
        .timeout(timeout)
        .header("anthropic-version", "2023-06-01")
        .header("x-api-key", key)
        .header("User-Agent", "Yardstick/0.1 (self-hosted Claude Code analytics)")
        .header("Accept", "application/json")
        .GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AdminApiException(Kind.NETWORK, 0, NetworkWords.of(e, base));
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 200) {
        return AdminUsageJson.parse(body);
      }
      throw AdminApiErrors.of(status, body.readNBytes(64 * 1024), response.headers().firstValue("retry-after").orElse(null));
    } catch (IOException e) {
      throw new AdminApiException(Kind.NETWORK, response.statusCode(), "unreadable answer: " + e.getMessage());
    }
  }
}
