package dev.yardstick.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real Claude Code 2.1.197 session (shared/testdata) and the totals a correct receiver reaches. */
public final class ClaudeCodeExports {
  public static final String DEVELOPER = "dev@example.com";

  private ClaudeCodeExports() {}

  /** Posts every export of the session in arrival order, chunked as the client sent them; each must answer 200. */
  public static void post(TestServer server, String token) throws Exception {
    for (Path f : files()) {
      String signal = f.getFileName().toString().contains("metrics") ? "metrics" : "logs";
      HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/" + signal)))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .header("User-Agent", "OTel-OTLP-Exporter-JavaScript/0.208.0")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> open(f)))); // no length: sent chunked
      assertThat(r.statusCode()).as(f.toString()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{}");
      assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    }
  }

  /** expected-totals.json of the session, as report fields. */
  public static void assertTotals(JsonNode row) {
    assertThat(row.get("sessions").asLong()).isEqualTo(1);
    assertThat(row.get("aiLinesAdded").asLong()).isEqualTo(4);
    assertThat(row.get("aiLinesRemoved").asLong()).isEqualTo(1);
    assertThat(row.get("editsAccepted").asLong()).isEqualTo(2);
    assertThat(row.get("editsRejected").asLong()).isEqualTo(1);
    assertThat(row.get("commitsByClaudeCode").asLong()).isEqualTo(1);
    assertThat(row.get("pullRequestsByClaudeCode").asLong()).isEqualTo(1);
    assertThat(row.get("costUsd").asDouble()).isEqualTo(0.080335);
    assertThat(row.get("tokens").get("input").asLong()).isEqualTo(8547);
    assertThat(row.get("tokens").get("output").asLong()).isEqualTo(349);
    assertThat(row.get("tokens").get("cacheRead").asLong()).isEqualTo(31500);
    assertThat(row.get("tokens").get("cacheCreation").asLong()).isEqualTo(2100);
    assertThat(row.get("activeTimeSeconds").asDouble()).isEqualTo(5.659);
  }

  /** The row of one developer in a developer report over every date the tests use (the developer is created if new). */
  public static JsonNode developerRow(TestServer server, String key) throws Exception {
    server.developer(key);
    JsonNode report = server.report("2026-01-01", "2027-12-31", "developer");
    for (JsonNode row : report.get("rows")) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + key + " in " + report);
  }

  /** A one-point commit.count export (plus 10 input tokens) for one session at the given second. */
  public static String oneCommit(String email, String session, long epochSecond) {
    String emailAttr = email == null ? "" : "{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email + "\"}},";
    String attrs = emailAttr + "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"" + session + "\"}}";
    String window = "\"startTimeUnixNano\":\"" + (epochSecond - 60) + "000000000\",\"timeUnixNano\":\"" + epochSecond + "000000000\"";
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"claude-code\"}}]},"
        + "\"scopeMetrics\":[{\"scope\":{\"name\":\"com.anthropic.claude_code\"},\"metrics\":["
        + "{\"name\":\"claude_code.commit.count\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":["
        + attrs + "]," + window + ",\"asDouble\":1}]}},"
        + "{\"name\":\"claude_code.token.usage\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":["
        + attrs + ",{\"key\":\"type\",\"value\":{\"stringValue\":\"input\"}}]," + window + ",\"asDouble\":10}]}}]}]}]}";
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(TestServer.resource("otlp/claude-code-2.1.197"))) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{3}-otel_v1_(metrics|logs)\\.json")).sorted().toList();
    }
  }

  private static InputStream open(Path f) {
    try {
      return Files.newInputStream(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
