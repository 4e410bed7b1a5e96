package dev.yardstick.auth;

import dev.yardstick.storage.LoginFailureStore.Failures;
import java.time.Duration;
import java.time.Instant;

/**
 * Pure: whether a sign-in attempt must wait, judged by three counts of failures within 15 minutes.
 * <ul>
 *   <li>the email from this client (an address, or a browser that signed in as this account
 *       before): five failures pass; each further one locks the client out for 30 s, doubling, up
 *       to 15 minutes;</li>
 *   <li>the client across emails (spraying one password over many accounts): thirty pass, then the
 *       same locks;</li>
 *   <li>the email across clients (guessing from many addresses): past twenty, a client that has
 *       failed for this email waits until the email has had 15 quiet minutes, while a client that
 *       has not may still try.</li>
 * </ul>
 * A browser that signed in as the account before is judged by its own count only, so neither
 * guessers sharing its address nor a distributed attack on the email can lock its owner out.
 */
public final class LoginThrottle {
  public static final int FREE_PER_PAIR = 5;
  public static final int FREE_PER_CLIENT = 30;
  public static final int EMAIL_BUDGET = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  private LoginThrottle() {}

  /** The counts an attempt is judged by; {@code client} is null for a browser that signed in as this account before. */
  public record Attempt(Failures pair, Failures client, Failures email) {}

  /** How long the attempt must wait, or zero. */
  public static Duration waitFor(Attempt a, Instant now) {
    Duration wait = backoff(a.pair(), FREE_PER_PAIR, now);
    if (a.client() == null) {
      return wait;
    }
    wait = longer(wait, backoff(a.client(), FREE_PER_CLIENT, now));
    if (current(a.email(), now) > EMAIL_BUDGET && current(a.pair(), now) > 0) {
      wait = longer(wait, Duration.between(now, a.email().last().plus(WINDOW)));
    }
    return wait;
  }

  /** How long a subject allowed {@code free} failures must wait: 30 s after the first failure past them, doubling, at most 15 min. */
  public static Duration backoff(Failures f, int free, Instant now) {
    int n = current(f, now);
    if (n <= free) {
      return Duration.ZERO;
    }
    Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(20, n - free - 1));
    Duration left = Duration.between(now, f.last().plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Failures that still count: none once the latest is older than the window. */
  static int current(Failures f, Instant now) {
    return f == null || f.last() == null || Duration.between(f.last(), now).compareTo(WINDOW) > 0 ? 0 : f.count();
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
