package dev.yardstick.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One OTLP/JSON metrics export of Claude Code delta counters for one user and session at noon UTC of a day. */
public final class MetricExport {
  private final String email;
  private final String session;
  private final long epochSecond;
  private final List<String> metrics = new ArrayList<>();

  private MetricExport(String email, String session, LocalDate day) {
    this.email = email;
    this.session = session;
    this.epochSecond = day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
  }

  /** @param session distinct per export, so that two exports of one user and day are two sets of points */
  public static MetricExport of(String email, String session, LocalDate day) {
    return new MetricExport(email, session, day);
  }

  /** A point of a counter; {@code type} is its type attribute (added, input, ...) or null. */
  public MetricExport add(String metric, String type, double value) {
    String attrs = "{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email + "\"}},"
        + "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"" + session + "\"}}"
        + (type == null ? "" : ",{\"key\":\"type\",\"value\":{\"stringValue\":\"" + type + "\"}}");
    metrics.add("{\"name\":\"" + metric + "\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{"
        + "\"attributes\":[" + attrs + "],\"startTimeUnixNano\":\"" + (epochSecond - 60) + "000000000\",\"timeUnixNano\":\""
        + epochSecond + "000000000\",\"asDouble\":" + value + "}]}}");
    return this;
  }

  public String json() {
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
        + "\"claude-code\"}}]},\"scopeMetrics\":[{\"scope\":{\"name\":\"com.anthropic.claude_code\"},\"metrics\":["
        + String.join(",", metrics) + "]}]}]}";
  }

  /** Posts the export over OTLP/HTTP; it must be answered 200. */
  public void post(TestServer server, String ingestToken) throws Exception {
    HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + ingestToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{}");
  }
}
