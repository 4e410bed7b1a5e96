package dev.yardstick.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.auth.LoginThrottle.Attempt;
import dev.yardstick.storage.LoginFailureStore.Failures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
  private static final Failures NONE = new Failures(0, T);

  @Test
  void pair_fiveFreeFailures_thenLocksThatDouble() {
    for (int i = 1; i <= 5; i++) {
      assertThat(wait(new Failures(i, T.plusSeconds(i)), NONE, NONE, T.plusSeconds(i))).isZero();
    }
    assertThat(wait(new Failures(6, T.plusSeconds(6)), NONE, NONE, T.plusSeconds(6))).isEqualTo(Duration.ofSeconds(30));
    assertThat(wait(new Failures(6, T.plusSeconds(6)), NONE, NONE, T.plusSeconds(36))).isZero();
    Failures seventh = new Failures(7, T.plusSeconds(40));
    assertThat(wait(seventh, NONE, NONE, T.plusSeconds(40))).isEqualTo(Duration.ofSeconds(60));
    assertThat(wait(seventh, NONE, NONE, T.plusSeconds(100))).isZero();
  }

  @Test
  void locksAreCapped_andFailuresOlderThanTheWindowForgotten() {
    Failures f = new Failures(40, T);
    assertThat(wait(f, NONE, NONE, T)).isEqualTo(Duration.ofMinutes(15));
    assertThat(wait(f, NONE, NONE, T.plus(Duration.ofMinutes(15)))).isZero();
    assertThat(wait(f, f, f, T.plus(Duration.ofMinutes(16)))).as("older than the window").isZero();
  }

  @Test
  void client_thirtyFreeFailuresAcrossEmails_butAKnownBrowserIsNotJudgedByThem() {
    Failures sprayed = new Failures(31, T);
    assertThat(wait(NONE, new Failures(30, T), NONE, T)).isZero();
    assertThat(wait(NONE, sprayed, NONE, T)).isEqualTo(Duration.ofSeconds(30));
    assertThat(LoginThrottle.waitFor(new Attempt(NONE, null, NONE), T)).isZero();
  }

  @Test
  void email_pastItsBudget_stopsClientsThatFailedForIt_butNotOthers() {
    Failures attacked = new Failures(21, T.plusSeconds(10));
    assertThat(wait(new Failures(1, T), NONE, new Failures(20, T), T.plusSeconds(10))).isZero();
    assertThat(wait(new Failures(1, T), NONE, attacked, T.plusSeconds(10))).isEqualTo(Duration.ofMinutes(15));
    assertThat(wait(NONE, NONE, attacked, T.plusSeconds(10))).as("a client without failures").isZero();
    assertThat(LoginThrottle.waitFor(new Attempt(new Failures(1, T), null, attacked), T.plusSeconds(10))).as("a known browser")
        .isZero();
  }

  private static Duration wait(Failures pair, Failures client, Failures email, Instant now) {
    return LoginThrottle.waitFor(new Attempt(pair, client, email), now);
  }
}
