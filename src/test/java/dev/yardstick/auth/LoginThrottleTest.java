package dev.yardstick.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.storage.AccountStore.Failures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void failed_fiveFreeThenLocksThatDouble() {
    Failures f = null;
    for (int i = 1; i <= 5; i++) {
      f = LoginThrottle.failed(f, T.plusSeconds(i), 5);
      assertThat(LoginThrottle.waitFor(f, T.plusSeconds(i))).isZero();
    }
    f = LoginThrottle.failed(f, T.plusSeconds(6), 5);
    assertThat(LoginThrottle.waitFor(f, T.plusSeconds(6))).isEqualTo(Duration.ofSeconds(30));
    f = LoginThrottle.failed(f, T.plusSeconds(40), 5);
    assertThat(LoginThrottle.waitFor(f, T.plusSeconds(40))).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoginThrottle.waitFor(f, T.plusSeconds(101))).isZero();
  }

  @Test
  void failed_locksAreCappedAndOldFailuresForgotten() {
    Failures f = new Failures(40, T, null);
    assertThat(LoginThrottle.waitFor(LoginThrottle.failed(f, T.plusSeconds(1), 5), T.plusSeconds(1))).isEqualTo(Duration.ofMinutes(15));
    assertThat(LoginThrottle.failed(f, T.plus(Duration.ofMinutes(16)), 5).count()).isEqualTo(1);
  }
}
