package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The packaged server on the embedded default, killed with SIGKILL while exports arrive: every
 * export it acknowledged is there after a restart. (Answered 200 means committed, not merely queued.)
 */
class ITProcessCrash {
  private static final String ADMIN = "crash-test-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void killedUnderLoad_keepsEveryAcknowledgedExport() throws Exception {
    Path jar = dev.yardstick.testing.BuiltJar.path();
    Path data = Files.createTempDirectory("yardstick-crash");
    int port = TestServer.freePort();
    Process server = start(jar, data, port);
    String token = ingestToken(port);
    // the packaged server keeps the real clock and refuses points older than 30 days: send the last 20 days'
    long base = java.time.Instant.now().getEpochSecond() - 20 * 86_400L;
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      int sender = s;
      senders.add(Thread.ofPlatform().start(() -> {
        for (int e = 0; ; e++) {
          String body = ClaudeCodeExports.oneCommit("dev" + sender + "@example.com", "s" + sender, base + e * 60L);
          try {
            sent.incrementAndGet();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/otel/v1/metrics"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              acknowledged.incrementAndGet();
            }
          } catch (Exception gone) {
            return; // the server was killed
          }
        }
      }));
    }
    // kill it in the middle of the load, once enough was acknowledged to mean something (a loaded machine is slow)
    long until = System.nanoTime() + 60_000_000_000L;
    while (acknowledged.get() <= 50 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    server.destroyForcibly().waitFor();
    for (Thread t : senders) {
      t.join();
    }

    Process again = start(jar, data, port);
    try {
      long commits = JSON.readTree(get(port, "/api/v1/report?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(21)
          + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2) + "&groupBy=org"))
          .get("rows").get(0).get("commitsByClaudeCode").asLong();
      assertThat(acknowledged.get()).isGreaterThan(50);
      assertThat(commits).isBetween((long) acknowledged.get(), (long) sent.get());
    } finally {
      again.destroy();
      again.waitFor();
    }
  }

  private Process start(Path jar, Path data, int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "serve")
        .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
    pb.environment().put("YARDSTICK_HTTP_HOST", "127.0.0.1");
    pb.environment().put("YARDSTICK_HTTP_PORT", Integer.toString(port));
    pb.environment().put("YARDSTICK_OTLP_GRPC_PORT", "0");
    pb.environment().put("YARDSTICK_DATA_DIR", data.toString());
    pb.environment().put("YARDSTICK_BOOTSTRAP_API_TOKEN", ADMIN);
    pb.environment().remove("YARDSTICK_DB_URL");
    Process p = pb.start();
    for (int i = 0; i < 300; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return p;
        }
      } catch (Exception notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("the server did not become ready: " + Files.readString(data.resolve("server.log")));
  }

  private String ingestToken(int port) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest-tokens"))
        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash\"}")).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("token").asText();
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + ADMIN)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
