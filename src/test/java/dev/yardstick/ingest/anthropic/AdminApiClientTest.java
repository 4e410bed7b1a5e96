package dev.yardstick.ingest.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against the local fake: pages, retries as the server asks, and plain-words outcomes. */
class AdminApiClientTest {
  static final LocalDate DAY = LocalDate.parse("2026-08-20");

  @Test
  void followsTheCursor_untilTheLastPage_andHonoursRetryAfter() throws Exception {
    AdminDataset data = new AdminDataset(50, 3);
    try (FakeAdminApi fake = new FakeAdminApi(data, 10)) {
      List<Duration> waits = new ArrayList<>();
      AdminApiClient client = new AdminApiClient(fake.url(), waits::add, RetryPolicy.STANDARD);
      fake.fail(new FakeAdminApi.Fault(429, "rate_limit_error", "2"), new FakeAdminApi.Fault(500, "api_error", null));
      List<Integer> sizes = new ArrayList<>();
      int pages = client.day(FakeAdminApi.ADMIN_KEY, DAY, 1000, p -> sizes.add(p.rows().size()));

      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(data.rows(DAY).size());
      assertThat(pages).isEqualTo((data.rows(DAY).size() + 9) / 10);
      assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
  }

  @Test
  void givesUp_onAWrongKey_atOnce_andAfterTheAttemptsOnServerErrors() throws Exception {
    try (FakeAdminApi fake = new FakeAdminApi(new AdminDataset(5, 3), 10)) {
      List<Duration> waits = new ArrayList<>();
      AdminApiClient client = new AdminApiClient(fake.url(), waits::add, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(1)));
      assertThatThrownBy(() -> client.page("sk-ant-admin01-wrong", DAY, null, 10))
          .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.kind()).isEqualTo(AdminApiException.Kind.WRONG_KEY));
      assertThat(waits).isEmpty();
      fake.fail(new FakeAdminApi.Fault(500, "api_error", null), new FakeAdminApi.Fault(502, "api_error", null),
          new FakeAdminApi.Fault(503, "api_error", null));
      assertThatThrownBy(() -> client.page(FakeAdminApi.ADMIN_KEY, DAY, null, 10))
          .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.status()).isEqualTo(503));
      assertThat(waits).hasSize(2);
    }
  }

  @Test
  void connectionTest_noData_andNetworkError() throws Exception {
    try (FakeAdminApi empty = new FakeAdminApi(new AdminDataset(0, 1), 10)) {
      ConnectionTest t = ConnectionTest.of(AdminApiClient.standard(empty.url()), FakeAdminApi.ADMIN_KEY, DAY);
      assertThat(t.ok()).isTrue();
      assertThat(t.outcome()).isEqualTo("NO_DATA");
    }
    int port = TestServer.freePort();
    URI closed = URI.create("http://127.0.0.1:" + port);
    ConnectionTest t = ConnectionTest.of(AdminApiClient.standard(closed), FakeAdminApi.ADMIN_KEY, DAY);
    String words = "Anthropic's API could not be reached: the connection to 127.0.0.1:" + port + " was refused."
        + " Check YARDSTICK_ANTHROPIC_API_URL and this server's network access.";
    assertThat(t.ok()).isFalse();
    assertThat(t.outcome()).isEqualTo("NETWORK");
    assertThat(t.message()).isEqualTo(words);
    // what a failed sync records: the words once, not the exception's name twice
    assertThatThrownBy(() -> AdminApiClient.standard(closed).probe(FakeAdminApi.ADMIN_KEY, DAY))
        .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.describe()).isEqualTo(words));
  }
}
