package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.Concurrently;
import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins over real HTTP, on every database: counted exactly under concurrency, slowing a
 * guesser per email and client, and never locking out someone who knows their password from a
 * client that has not failed (or from a browser that signed in before).
 */
abstract class LoginThrottleContract extends OnEveryDatabase {
  private static final Map<String, String> BEHIND_PROXY = Map.of("YARDSTICK_TRUSTED_PROXIES", "127.0.0.1, ::1");
  private static final String ADMIN_PAIR = "pair:ip:127.0.0.1|" + TestServer.ADMIN_EMAIL;

  @Test
  void concurrentFailures_fromOneClient_areCountedExactly_andNoneIsAServerError() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      List<Integer> statuses = Concurrently.statuses(24, i -> signIn(new WebClient(server), TestServer.ADMIN_EMAIL, "guess-" + i));

      assertThat(statuses).containsOnly(401, 429);
      // five free failures, a sixth checked, then a lock: exactly six passwords were tried
      assertThat(statuses).filteredOn(s -> s == 401).hasSize(6);
      assertThat(failures(server, ADMIN_PAIR)).isEqualTo(6);
      assertThat(failures(server, "email:" + TestServer.ADMIN_EMAIL)).isEqualTo(6);
      assertThat(failures(server, "client:ip:127.0.0.1")).isEqualTo(6);
    }
  }

  @Test
  void concurrentFailures_fromManyClients_areCountedExactly() throws Exception {
    try (TestServer server = TestServer.start(target, BEHIND_PROXY)) {
      int clients = 30;
      List<Integer> statuses = Concurrently.statuses(clients, i ->
          signIn(new WebClient(server).header("X-Forwarded-For", "203.0.113." + (i + 1)), TestServer.ADMIN_EMAIL, "guess-" + i));

      assertThat(statuses).containsOnly(401);
      assertThat(failures(server, "email:" + TestServer.ADMIN_EMAIL)).isEqualTo(clients);
      assertThat(failures(server, "pair:ip:203.0.113.7|" + TestServer.ADMIN_EMAIL)).isEqualTo(1);
      // over the email's budget, a client that failed for it waits; a client that did not may try
      WebClient guesser = new WebClient(server).header("X-Forwarded-For", "203.0.113.1");
      assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(429);
      WebClient admin = new WebClient(server).header("X-Forwarded-For", "198.51.100.7");
      assertThat(signIn(admin, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(303);
      assertThat(failures(server, "email:" + TestServer.ADMIN_EMAIL)).as("a success is not a failure").isEqualTo(clients);
    }
  }

  @Test
  void aGuesser_locksOnlyThemselvesOut_andCannotPickTheAddressTheyAreCountedUnder() throws Exception {
    try (TestServer server = TestServer.start(target, BEHIND_PROXY)) {
      // the proxy appends the address it saw; what the client wrote before it is the client's claim
      WebClient guesser = new WebClient(server).header("X-Forwarded-For", "198.51.100.7, 203.0.113.5");
      for (int i = 0; i < 6; i++) {
        assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, "guess-" + i)).isEqualTo(401);
      }
      assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(429);
      assertThat(failures(server, "pair:ip:203.0.113.5|" + TestServer.ADMIN_EMAIL)).isEqualTo(6);

      WebClient admin = new WebClient(server).header("X-Forwarded-For", "198.51.100.7");
      assertThat(signIn(admin, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(303);
    }
  }

  @Test
  void forwardedFor_fromAnUntrustedPeer_isIgnored() throws Exception {
    try (TestServer server = TestServer.start(target, Map.of("YARDSTICK_TRUSTED_PROXIES", "10.0.0.0/8"))) {
      for (int i = 0; i < 6; i++) {
        WebClient guesser = new WebClient(server).header("X-Forwarded-For", "203.0.113." + (i + 1));
        assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, "guess-" + i)).isEqualTo(401);
      }
      WebClient another = new WebClient(server).header("X-Forwarded-For", "203.0.113.99");
      assertThat(signIn(another, TestServer.ADMIN_EMAIL, "guess-x")).isEqualTo(429);
      assertThat(failures(server, ADMIN_PAIR)).isEqualTo(6);
    }
  }

  @Test
  void behindAnUnconfiguredProxy_sprayingLocksTheAddress_butNotABrowserThatSignedInBefore() throws Exception {
    try (TestServer server = TestServer.start(target)) {
      WebClient admin = new WebClient(server);
      assertThat(signIn(admin, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(303);
      assertThat(admin.post("/logout", "csrf", admin.csrf()).statusCode()).isEqualTo(303);

      for (int i = 0; i < 31; i++) {
        assertThat(signIn(new WebClient(server), "user" + i + "@example.com", "guess")).isEqualTo(401);
      }
      for (int i = 0; i < 6; i++) {
        assertThat(signIn(new WebClient(server), TestServer.ADMIN_EMAIL, "guess-" + i)).isIn(401, 429);
      }
      assertThat(signIn(new WebClient(server), "user99@example.com", "guess")).isEqualTo(429);
      assertThat(signIn(new WebClient(server), TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD))
          .as("a new browser at the same address").isEqualTo(429);

      assertThat(signIn(admin, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).as("the admin's own browser").isEqualTo(303);
      assertThat(admin.get("/account").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void locks_doubleWithEachFurtherFailure_andEndOnTime() throws Exception {
    MovableClock clock = new MovableClock(Instant.now());
    try (TestServer server = TestServer.start(target, Map.of(), clock)) {
      WebClient guesser = new WebClient(server);
      for (int i = 0; i < 6; i++) {
        assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, "guess-" + i)).isEqualTo(401);
      }
      HttpResponse<String> locked = guesser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      assertThat(locked.statusCode()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).hasValue("30");

      clock.advance(Duration.ofSeconds(31));
      assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, "guess-7")).isEqualTo(401);
      assertThat(guesser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).headers().firstValue("Retry-After"))
          .hasValue("60");
      clock.advance(Duration.ofSeconds(61));
      assertThat(signIn(guesser, TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)).isEqualTo(303);
      assertThat(failures(server, ADMIN_PAIR)).as("a success forgets the client's failures").isZero();
      clock.advance(Duration.ofMinutes(16));
      assertThat(failures(server, "email:" + TestServer.ADMIN_EMAIL)).isEqualTo(7);
      assertThat(signIn(new WebClient(server), TestServer.ADMIN_EMAIL, "guess-8")).isEqualTo(401);
      assertThat(failures(server, "email:" + TestServer.ADMIN_EMAIL)).as("counts restart after 15 quiet minutes").isEqualTo(1);
    }
  }

  private static int signIn(WebClient client, String email, String password) throws Exception {
    return client.signIn(email, password).statusCode();
  }

  private static int failures(TestServer server, String subject) throws Exception {
    String n = server.queryOne("SELECT failures FROM login_failures WHERE subject = '" + subject.replace("'", "''") + "'");
    return n == null ? 0 : Integer.parseInt(n);
  }
}
