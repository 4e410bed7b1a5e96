package dev.yardstick.auth;

import dev.yardstick.storage.AccountStore.Failures;
import java.time.Duration;
import java.time.Instant;

/**
 * Pure: how many failed sign-ins a subject gets before it must wait. An email gets five free
 * failures within 15 minutes, a client address thirty (offices share one behind a proxy, and one
 * guesser must not lock them all out); then a lock of 30 s that doubles with each further failure,
 * up to 15 minutes.
 */
public final class LoginThrottle {
  public static final int FREE_PER_EMAIL = 5;
  public static final int FREE_PER_CLIENT = 30;
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

  /** The subject's record after one more failure, when {@code free} failures pass without a lock. */
  public static Failures failed(Failures f, Instant now, int free) {
    int count = f == null || Duration.between(f.last(), now).compareTo(WINDOW) > 0 ? 1 : f.count() + 1;
    Instant lock = null;
    if (count > free) {
      long factor = 1L << Math.min(20, count - free - 1);
      Duration d = FIRST_LOCK.multipliedBy(factor);
      lock = now.plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d);
    }
    return new Failures(count, now, lock);
  }
}
