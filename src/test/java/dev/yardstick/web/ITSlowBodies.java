package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.SlowClient;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies that arrive too slowly (a hostile client holding the organization's ingest token, on many
 * connections) must not hold the shared body budget: they are answered 408 and their bytes come
 * back, and honest exporters keep being served. The timeouts are shortened by settings.
 */
class ITSlowBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stalledBodies_are408AndReleased_andHonestExportsAreServed() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_INGEST_QUEUE_BYTES", "1048576",
        "YARDSTICK_BODY_TIMEOUT_MS", "3000"))) {
      String token = server.newIngestToken("t");
      List<SlowClient> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 24; i++) { // 24 x 64 KiB sent of 256 KiB: more than the 1 MiB budget
          stalled.add(new SlowClient(port(server), token, 256 << 10, spaces(64 << 10)));
        }
        Thread.sleep(300);

        long started = System.nanoTime();
        int refused = 0;
        HttpResponse<String> r;
        while (true) { // an honest exporter: retries a 429 after its Retry-After, as OTLP clients do
          r = post(server, token, ClaudeCodeExports.oneCommit("honest@example.com", "s-honest", 1_795_000_000L));
          if (r.statusCode() != 429 || System.nanoTime() - started > 12_000_000_000L) {
            break;
          }
          refused++;
          assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
          for (SlowClient s : stalled) {
            s.send(new byte[] {' '}); // a byte now and then: no idle timeout ever fires
          }
          Thread.sleep(1000);
        }
        double waited = (System.nanoTime() - started) / 1e9;

        assertThat(r.statusCode()).as("after %d refusals, %.1f s", refused, waited).isEqualTo(200);
        assertThat(waited).isLessThan(8.0);
        int timedOut = 0;
        for (SlowClient s : stalled) {
          SlowClient.Answer a = s.answer(3000);
          assertThat(a.status()).as(a.text()).isIn(408, 429);
          assertThat(a.closed()).as("connection closed after %d", a.status()).isTrue();
          if (a.status() == 408) {
            timedOut++;
            assertThat(JSON.readTree(a.body()).get("message").asText()).contains("3000 ms");
          }
        }
        assertThat(timedOut).isGreaterThanOrEqualTo(10); // each held at most 1.5 times its 64 KiB of the 1 MiB
        String metrics = server.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).GET()).body();
        assertThat(metrics).contains("yardstick_ingest_bodies_bytes 0.0")
            .containsPattern("yardstick_ingest_exports_refused_total\\{reason=\"too_slow\",signal=\"metrics\"\\} " + timedOut + ".0");
      } finally {
        for (SlowClient s : stalled) {
          s.close();
        }
      }
    }
  }

  @Test
  void bodyBelowTheMinimumRate_is408_whileOneAboveItCompletes() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_BODY_TIMEOUT_MS", "30000",
        "YARDSTICK_BODY_MIN_RATE", "65536"))) {
      String token = server.newIngestToken("t");
      byte[] body = padded(ClaudeCodeExports.oneCommit("steady@example.com", "s-steady", 1_795_000_100L), 256 << 10);
      try (SlowClient fast = new SlowClient(port(server), token, body.length, Arrays.copyOf(body, 16 << 10));
          SlowClient slow = new SlowClient(port(server), token, body.length, Arrays.copyOf(body, 2 << 10))) {
        int fastSent = 16 << 10;
        int slowSent = 2 << 10;
        for (int step = 0; step < 60; step++) {
          Thread.sleep(100); // about 160 KiB/s and 20 KiB/s against a minimum of 64 KiB/s
          if (fastSent < body.length) {
            fast.send(Arrays.copyOfRange(body, fastSent, fastSent + (16 << 10)));
            fastSent += 16 << 10;
          }
          if (slow.send(Arrays.copyOfRange(body, slowSent, slowSent + (2 << 10)))) {
            slowSent += 2 << 10;
          } else if (fastSent >= body.length) {
            break; // the server closed the slow one
          }
        }

        SlowClient.Answer f = fast.answer(3000);
        SlowClient.Answer s = slow.answer(3000);
        assertThat(f.status()).as(f.text()).isEqualTo(200);
        assertThat(s.status()).as(s.text()).isEqualTo(408);
        assertThat(s.closed()).isTrue();
        assertThat(JSON.readTree(s.body()).get("message").asText()).contains("65536 bytes/s");
        assertThat(slowSent).isLessThan(body.length / 2);
        assertThat(ClaudeCodeExports.developerRow(server, "steady@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(1);
      }
    }
  }

  @Test
  void declaredLengths_areNotTakenFromTheBudgetBeforeTheBytesArrive() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_INGEST_QUEUE_BYTES", "1048576"))) {
      String token = server.newIngestToken("t");
      List<SlowClient> waiting = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) { // 40 x 1 MiB declared, 100 bytes sent
          waiting.add(new SlowClient(port(server), token, 1 << 20, spaces(100)));
        }
        Thread.sleep(300);

        HttpResponse<String> r = post(server, token, ClaudeCodeExports.oneCommit("beside@example.com", "s-beside", 1_795_000_200L));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (SlowClient s : waiting) {
          assertThat(s.answer(0).status()).isZero(); // still being received, not refused
        }
      } finally {
        for (SlowClient s : waiting) {
          s.close();
        }
      }
    }
  }

  private static int port(TestServer server) {
    return URI.create(server.url("/")).getPort();
  }

  private static HttpResponse<String> post(TestServer server, String token, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static byte[] spaces(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) ' ');
    return b;
  }

  /** The JSON followed by spaces up to {@code size} bytes (whitespace after a JSON value is allowed). */
  private static byte[] padded(String json, int size) {
    byte[] b = spaces(size);
    byte[] j = json.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(j, 0, b, 0, j.length);
    return b;
  }
}
