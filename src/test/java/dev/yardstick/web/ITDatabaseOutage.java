package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TcpProxy;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The database goes away mid-load (its connections cut behind a proxy): exports are answered 503
 * with Retry-After, never 200 for data not kept; once it is back, retried exports give full totals.
 */
class ITDatabaseOutage {
  @Test
  void databaseCutMidLoad_answers503_andRetriesReachFullTotals() throws Exception {
    TestDatabases.Target real = TestDatabases.postgres();
    URI pg = URI.create(real.url().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort() == -1 ? 5432 : pg.getPort())) {
      String viaProxy = real.url().replace(pg.getHost() + ":" + (pg.getPort() == -1 ? 5432 : pg.getPort()),
          "127.0.0.1:" + proxy.port());
      TestDatabases.Target target = new TestDatabases.Target(viaProxy, real.user(), real.password(), real.schema());
      try (TestServer server = TestServer.start(target, Map.of("YARDSTICK_INGEST_TIMEOUT_MS", "3000"))) {
        String token = server.newIngestToken("outage");
        int senders = 8;
        int exportsEach = 60;
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger retryAfterMissing = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
          int sender = s;
          done.add(pool.submit(() -> {
            for (int e = 0; e < exportsEach; e++) {
              String body = ClaudeCodeExports.oneCommit("dev" + sender + "@example.com", "s" + sender, 1_795_000_000L + e * 60L);
              while (true) { // a client that retries what was not acknowledged, as OTLP exporters do
                HttpResponse<String> r = ITPostgresIngest.post(server, token, body);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 200) {
                  break;
                }
                assertThat(r.statusCode()).isIn(429, 503);
                if (r.headers().firstValue("Retry-After").isEmpty()) {
                  retryAfterMissing.incrementAndGet();
                }
                Thread.sleep(100);
              }
              Thread.sleep(10);
            }
            return null;
          }));
        }
        Thread.sleep(700);
        proxy.cut();
        Thread.sleep(500);
        HttpResponse<String> ready = server.send(HttpRequest.newBuilder(URI.create(server.url("/readyz"))).GET());
        HttpResponse<String> api = server.send(server.api("/api/v1/repositories").GET());
        Thread.sleep(2500);
        proxy.restore();
        for (Future<?> f : done) {
          f.get();
        }
        pool.shutdown();

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503); // the management API too: never a 500 for an outage
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(statuses.getOrDefault(503, 0)).as("statuses %s", statuses).isPositive();
        assertThat(retryAfterMissing).hasValue(0);
        JsonNode org = server.report("2026-01-01", "2027-12-31", "org").get("rows").get(0);
        assertThat(org.get("commitsByClaudeCode").asLong()).isEqualTo((long) senders * exportsEach);
        assertThat(org.get("tokens").get("input").asLong()).isEqualTo(10L * senders * exportsEach);
        assertThat(server.queryOne("SELECT COUNT(*) FROM fact_groups")).isEqualTo(Integer.toString(senders * exportsEach));
      }
    } finally {
      TestDatabases.drop(real);
    }
  }
}
