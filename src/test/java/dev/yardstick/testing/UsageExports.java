package dev.yardstick.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * OTLP/JSON exports as Claude Code sends them, with the figures a test plants (delta sums, one
 * session, one time): what the test put in is what it expects out, counted by the test itself.
 */
public final class UsageExports {
  public static final String MODEL = "claude-sonnet-5";

  private UsageExports() {}

  /** What one metrics export carries: three points (lines added, cost and input tokens of {@link #MODEL}). */
  public record Usage(long linesAdded, double costUsd, long inputTokens) {
    public static final int POINTS = 3;
  }

  public static String metrics(String email, String session, long epochSecond, Usage u) {
    String window = "\"startTimeUnixNano\":\"" + (epochSecond - 60) + "000000000\",\"timeUnixNano\":\"" + epochSecond + "000000000\"";
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[" + attr("service.name", "claude-code") + "]},"
        + "\"scopeMetrics\":[{\"scope\":{\"name\":\"com.anthropic.claude_code\"},\"metrics\":["
        + sum("claude_code.lines_of_code.count", attrs(email, session) + "," + attr("type", "added"), window, u.linesAdded()) + ","
        + sum("claude_code.cost.usage", attrs(email, session) + "," + attr("model", MODEL), window, u.costUsd()) + ","
        + sum("claude_code.token.usage", attrs(email, session) + "," + attr("model", MODEL) + "," + attr("type", "input"), window,
            u.inputTokens())
        + "]}]}]}";
  }

  /** A logs export of {@code n} api_request events of one session, a second apart from {@code epochSecond}. */
  public static String events(String email, String session, long epochSecond, int n) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < n; i++) {
      long nanos = (epochSecond + i) * 1_000_000_000L;
      records.append(i == 0 ? "" : ",").append("{\"timeUnixNano\":\"").append(nanos).append("\",\"body\":{\"stringValue\":")
          .append("\"claude_code.api_request\"},\"attributes\":[").append(attrs(email, session)).append(',')
          .append(attr("event.name", "api_request")).append(',').append(attr("model", MODEL)).append(",{\"key\":\"event.sequence\",")
          .append("\"value\":{\"intValue\":").append(i).append("}}]}");
    }
    return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[" + attr("service.name", "claude-code") + "]},"
        + "\"scopeLogs\":[{\"scope\":{\"name\":\"com.anthropic.claude_code.events\"},\"logRecords\":[" + records + "]}]}]}";
  }

  /** Posts an export with an ingest token; {@code signal} is metrics or logs. */
  public static HttpResponse<String> post(TestServer server, String token, String signal, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/" + signal)))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The id part of an ingest token {@code tk_<id>:sk_<secret>}. */
  public static String tokenId(String token) {
    return token.substring(3, token.indexOf(':'));
  }

  private static String sum(String name, String attrs, String window, double value) {
    return "{\"name\":\"" + name + "\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":["
        + attrs + "]," + window + ",\"asDouble\":" + value + "}]}}";
  }

  private static String attrs(String email, String session) {
    return attr("user.email", email) + "," + attr("session.id", session);
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }
}
