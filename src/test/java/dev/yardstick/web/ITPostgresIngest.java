package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest on a real PostgreSQL, including several servers sharing one database. */
class ITPostgresIngest {
  private TestDatabases.Target target;

  @BeforeEach
  void setUp() {
    target = TestDatabases.postgres();
  }

  @AfterEach
  void tearDown() {
    TestDatabases.drop(target);
  }

  @Test
  void realClaudeCodeExports_reachTheExpectedTotals() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      String token = server.newIngestToken("laptops");
      ClaudeCodeExports.post(server, token);
      ClaudeCodeExports.post(server, token);

      ClaudeCodeExports.assertTotals(ClaudeCodeExports.developerRow(server, ClaudeCodeExports.DEVELOPER));
    }
  }

  @Test
  void twoServers_receivingAtOnce_keepExactTotals() throws Exception {
    // servers sharing a database share the key its secrets are sealed with (each has its own data directory)
    java.util.Map<String, String> key = java.util.Map.of("YARDSTICK_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    try (TestServer a = TestServer.start(target, key); TestServer b = TestServer.start(target, key)) {
      String token = a.newIngestToken("shared"); // created through one server, accepted by both
      int developers = 20;
      int exportsEach = 30;
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> sent = new ArrayList<>();
      for (int d = 0; d < developers; d++) {
        for (int e = 0; e < exportsEach; e++) {
          String body = ClaudeCodeExports.oneCommit("dev" + d + "@example.com", "s" + d, 1_795_000_000L + e * 60L);
          boolean both = e % 3 == 0; // a retry that a load balancer sent to the other server
          TestServer first = (d + e) % 2 == 0 ? a : b;
          TestServer second = first == a ? b : a;
          sent.add(pool.submit(() -> {
            assertThat(post(first, token, body).statusCode()).isEqualTo(200);
            if (both) {
              assertThat(post(second, token, body).statusCode()).isEqualTo(200);
            }
            return null;
          }));
        }
      }
      for (Future<?> f : sent) {
        f.get();
      }
      pool.shutdown();

      for (int d = 0; d < developers; d++) {
        a.developer("dev" + d + "@example.com");
      }
      JsonNode org = a.report("2026-01-01", "2027-12-31", "org").get("rows").get(0);
      assertThat(org.get("commitsByClaudeCode").asLong()).isEqualTo((long) developers * exportsEach);
      assertThat(org.get("tokens").get("input").asLong()).isEqualTo(10L * developers * exportsEach);
      assertThat(b.report("2026-01-01", "2027-12-31", "developer").get("rows")).hasSize(developers);
      assertThat(a.queryOne("SELECT COUNT(*) FROM identities")).isEqualTo(Integer.toString(developers));
    }
  }

  static HttpResponse<String> post(TestServer server, String token, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url("/otel/v1/metrics")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
