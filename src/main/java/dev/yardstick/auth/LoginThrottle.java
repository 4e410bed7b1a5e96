package dev.yardstick.auth;

import dev.yardstick.storage.AccountStore.Failures;
import java.time.Duration;
import java.time.Instant;

/**
 * Pure: how many failed sign-ins a subject (an email, or a client address) gets before it must
 * wait. Five free failures within 15 minutes, then a lock of 30 s that doubles with each further
 * failure, up to 15 minutes.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  private LoginThrottle() {}

  /** How long the subject must still wait, or zero. */
  public static Duration waitFor(Failures f, Instant now) {
    if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.lockedUntil());
  }

  /** The subject's record after one more failure. */
  public static Failures failed(Failures f, Instant now) {
    int count = f == null || Duration.between(f.last(), now).compareTo(WINDOW) > 0 ? 1 : f.count() + 1;
    Instant lock = null;
    if (count > FREE_FAILURES) {
      long factor = 1L << Math.min(20, count - FREE_FAILURES - 1);
      Duration d = FIRST_LOCK.multipliedBy(factor);
      lock = now.plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d);
    }
    return new Failures(count, now, lock);
  }
}
