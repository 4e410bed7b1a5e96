package dev.yardstick.ingest.anthropic;

import static dev.yardstick.ingest.anthropic.AnthropicContract.FROM;
import static dev.yardstick.ingest.anthropic.AnthropicContract.JSON;
import static dev.yardstick.ingest.anthropic.AnthropicContract.TODAY;
import static dev.yardstick.ingest.anthropic.AnthropicContract.call;
import static dev.yardstick.ingest.anthropic.AnthropicContract.connect;
import static dev.yardstick.ingest.anthropic.AnthropicContract.reportTotals;
import static dev.yardstick.ingest.anthropic.AnthropicContract.sync;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Admin API integration checks, on every database: a key's form and one call with it
 * before it is saved, the first day a backfill may start, implausible rows left out and said, and
 * the hourly re-poll driven by a moved clock, all against the local fake.
 */
abstract class AdminApiChecksContract extends AdminApiFixture {
  @Test
  void save_refusesWhatIsNotAnAdminKey_byItsForm_beforeAskingAnthropic() throws Exception {
    try (TestServer s = server()) {
      Map<String, String> refused = Map.of(
          "not-a-key", "adminApiKey is not an Anthropic Admin API key: those start with sk-ant-admin"
              + " (create one in the Claude Console, Settings > Admin keys)",
          FakeAdminApi.NON_ADMIN_KEY, "adminApiKey is an API key (sk-ant-api...), which cannot read usage reports:"
              + " create an Admin API key (sk-ant-admin...) in the Claude Console, Settings > Admin keys",
          "sk-ant-admin01-abc def", "adminApiKey contains spaces or line breaks: paste the key alone",
          "", "adminApiKey is required: an Admin API key (sk-ant-admin...) from the Claude Console, Settings > Admin keys");
      for (Map.Entry<String, String> c : refused.entrySet()) {
        HttpResponse<String> r = call(s, "PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"" + c.getKey() + "\"}");
        assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo(c.getValue());
      }
      WebClient admin = signedIn(s);
      HttpResponse<String> page = admin.post("/integrations/anthropic", "csrf", admin.csrf(), "adminApiKey", "not-a-key",
          "backfillFrom", "");
      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(admin.get(page.headers().firstValue("Location").orElseThrow()).body())
          .contains("adminApiKey is not an Anthropic Admin API key: those start with sk-ant-admin");

      assertThat(fake.requests()).isZero(); // Anthropic was never asked
      assertThat(JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body()).path("configured").asBoolean())
          .isFalse();
    }
  }

  @Test
  void save_testsTheKeyFirst_savingNothingAnthropicRefuses_andSaysWhyInWords() throws Exception {
    try (TestServer s = server()) {
      HttpResponse<String> revoked = call(s, "PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"sk-ant-admin01-revoked-key-0000\"}");
      fake.fail(new FakeAdminApi.Fault(403, "permission_error", null));
      HttpResponse<String> notAdmin = call(s, "PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\"}");

      assertThat(revoked.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(revoked.body()).path("message").asText()).isEqualTo("The key was refused: it is wrong, revoked"
          + " or expired. Create a new Admin API key in the Console. The key was not saved.");
      assertThat(notAdmin.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(notAdmin.body()).path("message").asText()).isEqualTo("The key works but may not read usage"
          + " reports: it is not an Admin API key (sk-ant-admin...). The key was not saved.");
      assertThat(JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body()).path("configured").asBoolean())
          .isFalse();
      assertThat(fake.requests()).isEqualTo(2);

      fake.fail(new FakeAdminApi.Fault(500, "api_error", null)); // Anthropic cannot tell now: kept, and said
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      JsonNode untested = JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body());
      assertThat(untested.path("configured").asBoolean()).isTrue();
      assertThat(untested.path("lastError").asText()).isEqualTo("The key was saved without a test: Anthropic's API had an"
          + " error (500); the sync retries by itself.");
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      assertThat(JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body()).path("lastError").isNull()).isTrue();
    }
    int closed = TestServer.freePort();
    try (TestServer s = TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", "http://127.0.0.1:" + closed,
        "YARDSTICK_DATA_DIR", dataDir.toString()))) {
      long started = System.nanoTime();
      HttpResponse<String> r = call(s, "PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("Anthropic's API could not be reached: the"
          + " connection to 127.0.0.1:" + closed + " was refused. Check YARDSTICK_ANTHROPIC_API_URL and this server's network"
          + " access. The key was not saved.");
      assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L); // tested once, not retried for minutes
    }
  }

  @Test
  void backfillFrom_beforeClaudeCodeExisted_orInTheFuture_isRefused_inTheApiAndThePage() throws Exception {
    try (TestServer s = server()) {
      HttpResponse<String> old = call(s, "PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"1900-01-01\"}");
      HttpResponse<String> ahead = call(s, "PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + TODAY.plusDays(1) + "\"}");
      WebClient admin = signedIn(s);
      HttpResponse<String> page = admin.post("/integrations/anthropic", "csrf", admin.csrf(), "adminApiKey", FakeAdminApi.ADMIN_KEY,
          "backfillFrom", "1900-01-01");

      assertThat(old.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(old.body()).path("message").asText())
          .isEqualTo("backfillFrom (1900-01-01) is before Claude Code existed: choose a date from 2025-02-24 on");
      assertThat(ahead.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(ahead.body()).path("message").asText()).isEqualTo("backfillFrom (" + TODAY.plusDays(1) + ") is in the future");
      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(admin.get(page.headers().firstValue("Location").orElseThrow()).body())
          .contains("backfillFrom (1900-01-01) is before Claude Code existed: choose a date from 2025-02-24 on")
          .contains("min=\"2025-02-24\"");
      assertThat(fake.requests()).isZero();

      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      HttpResponse<String> range = call(s, "POST", "/api/v1/integrations/anthropic/sync",
          "{\"from\":\"1900-01-01\",\"to\":\"" + TODAY + "\"}");
      assertThat(range.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(range.body()).path("message").asText())
          .isEqualTo("from (1900-01-01) is before Claude Code existed: choose a date from 2025-02-24 on");
    }
  }

  @Test
  void implausibleRows_areNotStored_theSyncSaysSoInWords_andCountsThem() throws Exception {
    data.plant(FROM.plusDays(1), "lines_of_code.added", 1e300);
    data.plant(FROM.plusDays(2), "estimated_cost.amount", -5L);
    data.plant(FROM.plusDays(3), "num_sessions", 300_000_000L);
    AdminDataset.Row first = data.rows(FROM.plusDays(1)).getFirst();
    try (TestServer s = server()) {
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      JsonNode status = sync(s, null);

      assertThat(status.path("sync").path("state").asText()).isEqualTo("done");
      assertThat(status.path("sync").path("refusedRows").asInt()).isEqualTo(3);
      assertThat(status.path("lastError").asText()).isEqualTo("Anthropic's answer held 3 rows outside the plausibility"
          + " limits; they were not stored: " + FROM.plusDays(1) + " " + (first.user() ? "user " : "API key ")
          + first.actor().trim().toLowerCase() + " (" + first.terminal() + "): lines_of_code.added 1.0E300 is above the"
          + " plausibility limit of " + (first.user() ? "24,000,000 lines for one user's day" : "2,400,000,000 lines for one API"
          + " key's day") + " (and 2 more rejected)");
      assertThat(reportTotals(s, "admin_api")).isEqualTo(data.totals(FROM, TODAY)); // the planted rows left out
      String metrics = s.send(HttpRequest.newBuilder(java.net.URI.create(s.url("/metrics"))).GET()).body();
      assertThat(metrics).contains("yardstick_admin_api_rows_rejected_total{reason=\"lines\"} 1.0")
          .contains("yardstick_admin_api_rows_rejected_total{reason=\"negative\"} 1.0")
          .contains("yardstick_admin_api_rows_rejected_total{reason=\"actions\"} 1.0");
    }
  }

  @Test
  void hourlyRepoll_fetchesTheLastThreeDaysAgain_onceAnHourHasPassed() throws Exception {
    try (TestServer s = server()) {
      TestClock clock = (TestClock) s.clock();
      long org = s.app().defaultOrgId();
      connect(s, FakeAdminApi.ADMIN_KEY, FROM);
      JsonNode backfilled = sync(s, null);
      assertThat(backfilled.path("lastRepollAt").isNull()).isFalse();
      data.grow(TODAY.minusDays(1)); // the API caught up on yesterday
      fake.forgetDaysAsked();

      clock.advance(java.time.Duration.ofMinutes(30));
      tick(s, org);
      assertThat(fake.daysAsked()).isEmpty(); // not due yet
      clock.advance(java.time.Duration.ofMinutes(31));
      tick(s, org);

      assertThat(fake.daysAsked()).containsExactly(TODAY.minusDays(2), TODAY.minusDays(1), TODAY);
      assertThat(reportTotals(s, "admin_api")).isEqualTo(data.totals(FROM, TODAY));
      JsonNode repolled = JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body());
      assertThat(java.time.Instant.parse(repolled.path("lastRepollAt").asText()))
          .isAfter(java.time.Instant.parse(backfilled.path("lastRepollAt").asText()).plus(java.time.Duration.ofMinutes(60)));
      assertThat(repolled.path("sync").path("kind").asText()).isEqualTo("re-poll");

      fake.forgetDaysAsked();
      clock.advance(java.time.Duration.ofDays(1)); // the next day: its backlog and the re-poll in one run
      tick(s, org);
      assertThat(fake.daysAsked()).containsExactly(TODAY.minusDays(1), TODAY, TODAY.plusDays(1));
      assertThat(JSON.readTree(call(s, "GET", "/api/v1/integrations/anthropic", null).body()).path("backfilledThrough").asText())
          .isEqualTo(TODAY.plusDays(1).toString());
    }
  }

  /** Runs the scheduler's tick now; the server's own may hold the lease for a moment. */
  private static void tick(TestServer s, long org) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!s.app().anthropic().tick(org)) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static WebClient signedIn(TestServer s) throws Exception {
    WebClient admin = new WebClient(s);
    assertThat(admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    return admin;
  }
}
