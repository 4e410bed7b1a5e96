package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OTLP/HTTP end to end on H2: real Claude Code exports in, report totals out, every error status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ITOtlpHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestServer server;
  private String token;

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start(TestDatabases.h2());
    token = server.newIngestToken("laptops");
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void realClaudeCodeExports_chunked_reachTheExpectedTotals_andReplaysCountOnce() throws Exception {
    String newToken = server.newIngestToken("real-session");
    ClaudeCodeExports.post(server, newToken);
    ClaudeCodeExports.post(server, newToken); // a client retrying every export

    JsonNode row = developerRow(ClaudeCodeExports.DEVELOPER);
    ClaudeCodeExports.assertTotals(row);
    assertThat(row.get("commits").isNull()).isTrue(); // git data unknown: null, never 0
    assertThat(row.get("aiUsagePercent").isNull()).isTrue();
  }

  @Test
  void export_gzipJson_isAccepted() throws Exception {
    byte[] body = gzip(oneCommit("gzip@example.com", 1_795_000_000L).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> r = post("/v1/metrics", "application/json", body, "Content-Encoding", "gzip");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(developerRow("gzip@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(1);
  }

  @Test
  void export_userEmailHeader_namesTheDeveloper() throws Exception {
    String body = oneCommit(null, 1_795_000_100L);

    HttpResponse<String> r = post("/otel/v1/metrics", "application/json", body.getBytes(StandardCharsets.UTF_8),
        "X-Yardstick-User-Email", " Header.User@Example.com ");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(developerRow("header.user@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(1);
  }

  @Test
  void export_withoutToken_is401InOtlpStatusFormat() throws Exception {
    HttpResponse<String> none = server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).get("code").asInt()).isEqualTo(16);
    assertThat(JSON.readTree(none.body()).get("message").asText()).contains("ingest token");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void export_revokedToken_is401() throws Exception {
    String t = server.newIngestToken("to-revoke");
    assertThat(post(t, "/otel/v1/metrics", "application/json", "{}".getBytes()).statusCode()).isEqualTo(200);
    String id = t.substring(3, t.indexOf(':'));

    HttpResponse<String> del = server.send(server.api("/api/v1/ingest-tokens/" + id).DELETE());

    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(post(t, "/otel/v1/metrics", "application/json", "{}".getBytes()).statusCode()).isEqualTo(401);
  }

  @Test
  void export_wrongContentType_is415() throws Exception {
    HttpResponse<String> r = post("/otel/v1/metrics", "text/plain", "{}".getBytes());
    HttpResponse<String> enc = post("/otel/v1/metrics", "application/json", "{}".getBytes(), "Content-Encoding", "br");

    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(r.body()).get("message").asText()).contains("application/x-protobuf");
    assertThat(enc.statusCode()).isEqualTo(415);
  }

  @Test
  void export_malformedJson_is400WithWhatIsWrong() throws Exception {
    HttpResponse<String> r = post("/otel/v1/metrics", "application/json", "{\"resourceMetrics\": [".getBytes());

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode status = JSON.readTree(r.body());
    assertThat(status.get("code").asInt()).isEqualTo(3);
    assertThat(status.get("message").asText()).isNotBlank();
    assertThat(status.get("details").get(0).get("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
  }

  @Test
  void export_malformedProtobuf_is400InProtobuf() throws Exception {
    HttpResponse<byte[]> r = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/logs")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x0a, 0x7f, 0x01})).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/x-protobuf");
    assertThat(com.google.rpc.Status.parseFrom(r.body()).getCode()).isEqualTo(3);
  }

  @Test
  void export_invalidPoint_isPartialSuccess() throws Exception {
    String body = oneCommit("partial@example.com", 1_795_000_200L).replace("\"asDouble\":1}]",
        "\"asDouble\":1},{\"timeUnixNano\":\"0\",\"asDouble\":5}]");

    HttpResponse<String> r = post("/otel/v1/metrics", "application/json", body.getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode partial = JSON.readTree(r.body()).get("partialSuccess");
    assertThat(partial.get("rejectedDataPoints").asText()).isEqualTo("1");
    assertThat(partial.get("errorMessage").asText()).contains("timeUnixNano");
    assertThat(developerRow("partial@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(1);
  }

  @Test
  void export_otherTelemetry_isAcceptedAndIgnored() throws Exception {
    for (String f : List.of("metrics.json", "logs.json", "events.json")) {
      byte[] body = Files.readAllBytes(TestServer.resource("otlp/spec-examples/" + f));
      String path = f.equals("metrics.json") ? "/otel/v1/metrics" : "/otel/v1/logs";
      assertThat(post(path, "application/json", body).statusCode()).as(f).isEqualTo(200);
    }
    String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
    assertThat(metrics).containsPattern("yardstick_ingest_items_total\\{outcome=\"ignored\",signal=\"metrics\"\\} [1-9]");
  }

  @Test
  void export_contentAttributes_areNotStored() throws Exception {
    String body = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}]},
         "scopeLogs":[{"scope":{"name":"com.anthropic.claude_code.events"},"logRecords":[{"timeUnixNano":"1795000300000000000",
          "body":{"stringValue":"claude_code.user_prompt"},"attributes":[
           {"key":"event.name","value":{"stringValue":"user_prompt"}},
           {"key":"user.email","value":{"stringValue":"private@example.com"}},
           {"key":"prompt_length","value":{"intValue":"21"}},
           {"key":"prompt","value":{"stringValue":"SECRET PROMPT TEXT 42"}}]},
          {"timeUnixNano":"1795000301000000000","body":{"stringValue":"claude_code.tool_result"},"attributes":[
           {"key":"event.name","value":{"stringValue":"tool_result"}},
           {"key":"user.email","value":{"stringValue":"private@example.com"}},
           {"key":"tool_name","value":{"stringValue":"Bash"}},
           {"key":"tool_parameters","value":{"stringValue":"{\\"bash_command\\":\\"git commit -m SECRET\\",\\"git_commit_id\\":\\"abc1234def\\"}"}}]}]}]}]}
        """;

    assertThat(post("/otel/v1/logs", "application/json", body.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

    String stored = server.queryOne("SELECT payload FROM fact_groups WHERE payload LIKE '%prompt_length%'");
    assertThat(stored).contains("prompt_length", "\"git_commit_id\":\"abc1234def\"").doesNotContain("SECRET");
  }

  @Test
  void export_overContentLength_is413() throws Exception {
    try (TestServer small = TestServer.start(TestDatabases.h2(), java.util.Map.of("YARDSTICK_MAX_BODY_BYTES", "4096"))) {
      String t = small.newIngestToken("small");
      byte[] big = new byte[10_000];
      HttpResponse<String> declared = small.send(HttpRequest.newBuilder(URI.create(small.url("/otel/v1/metrics")))
          .header("Authorization", "Bearer " + t).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
      HttpResponse<String> chunked = small.send(HttpRequest.newBuilder(URI.create(small.url("/otel/v1/metrics")))
          .header("Authorization", "Bearer " + t).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(chunked.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(declared.body()).get("message").asText()).contains("4096");
    }
  }

  @Test
  void export_declaredLargeButSlow_holdsOnlyWhatArrived() throws Exception {
    List<java.net.Socket> slow = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) { // 16 x 60 MB declared: more than the heap if reserved up front
        java.net.Socket s = new java.net.Socket("127.0.0.1", URI.create(server.url("/")).getPort());
        s.getOutputStream().write(("POST /otel/v1/metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
            + "\r\nContent-Type: application/json\r\nContent-Length: 60000000\r\n\r\n{\"resourceMetrics\":[").getBytes());
        s.getOutputStream().flush();
        slow.add(s);
      }
      Thread.sleep(300);
      System.gc();
      var heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();

      assertThat(heap.getUsed()).isLessThan(400L << 20);
      assertThat(post("/otel/v1/metrics", "application/json", oneCommit("beside-slow@example.com", 1_795_000_300L)
          .getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    } finally {
      for (java.net.Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void export_whileOtherLargeBodiesArrive_is429_andTheirBytesComeBack() throws Exception {
    try (TestServer small = TestServer.start(TestDatabases.h2(), java.util.Map.of("YARDSTICK_INGEST_QUEUE_BYTES", "1048576",
        "YARDSTICK_MAX_BODY_BYTES", "4194304"))) {
      String t = small.newIngestToken("small");
      byte[] padded = (oneCommit("padded@example.com", 1_795_000_400L) + " ".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
      HttpRequest.Builder large = HttpRequest.newBuilder(URI.create(small.url("/otel/v1/metrics")))
          .header("Authorization", "Bearer " + t).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(padded));
      java.net.Socket slow = new java.net.Socket("127.0.0.1", URI.create(small.url("/")).getPort());
      slow.getOutputStream().write(("POST /otel/v1/metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t
          + "\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{").getBytes());
      slow.getOutputStream().flush();
      Thread.sleep(300);

      HttpResponse<String> refused = small.send(large);
      slow.close();
      Thread.sleep(300);
      HttpResponse<String> later = small.send(large);

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("too many large bodies");
      assertThat(later.statusCode()).isEqualTo(200); // the slow client's bytes were given back when it went away
    }
  }

  @Test
  void export_gzipBomb_isStoppedAtTheCap() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1024; i++) { // 1 GiB of zeros, about 1 MB compressed
        gz.write(zeros);
      }
    }

    HttpResponse<String> r = post("/otel/v1/metrics", "application/json", bomb.toByteArray(), "Content-Encoding", "gzip");

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(r.body()).get("message").asText()).contains("decompressed body is over the limit of 67108864");
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/healthz"))).GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void export_emptyBodies_succeed() throws Exception {
    assertThat(post("/otel/v1/metrics", "application/json", "{}".getBytes()).body()).isEqualTo("{}");
    HttpResponse<byte[]> proto = server.http().send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/logs")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(proto.statusCode()).isEqualTo(200);
    assertThat(proto.body()).isEmpty();
  }

  @Test
  void health_readyAndMetrics_answer() throws Exception {
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/healthz"))).GET()).statusCode()).isEqualTo(200);
    assertThat(server.send(HttpRequest.newBuilder(URI.create(server.url("/readyz"))).GET()).body()).contains("\"database\":\"ok\"");
    String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
    assertThat(metrics).contains("yardstick_requests_seconds_count", "yardstick_ingest_queue_exports", "jvm_memory_used_bytes");
  }

  private JsonNode developerRow(String key) throws Exception {
    return ClaudeCodeExports.developerRow(server, key);
  }

  private static String oneCommit(String email, long epochSecond) {
    return ClaudeCodeExports.oneCommit(email, "s-" + epochSecond, epochSecond);
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) throws Exception {
    return post(token, path, contentType, body, headers);
  }

  private HttpResponse<String> post(String t, String path, String contentType, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + t)
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return server.send(b);
  }

  private static byte[] gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }
}
