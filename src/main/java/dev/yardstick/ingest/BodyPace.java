package dev.yardstick.ingest;

import java.time.Duration;

/**
 * How slowly a request body may arrive: never longer than {@code timeout} in all, and, after a
 * grace of two seconds, at least {@code minBytesPerSecond} on average (0 = no minimum). A client
 * that dribbles a byte now and then would otherwise hold its share of the body budget for ever.
 */
public record BodyPace(Duration timeout, long minBytesPerSecond) {
  /** A body may start slowly (a connection warming up, a lost packet): the rate counts from here. */
  static final long GRACE_NANOS = Duration.ofSeconds(2).toNanos();

  /** Why a body that brought {@code received} bytes in {@code elapsedNanos} is too slow, or null while it is not. */
  public String tooSlow(long received, long elapsedNanos) {
    if (elapsedNanos > timeout.toNanos()) {
      return "the request body did not arrive within " + timeout.toMillis() + " ms";
    }
    if (minBytesPerSecond > 0 && elapsedNanos > GRACE_NANOS
        && received < (double) minBytesPerSecond * (elapsedNanos - GRACE_NANOS) / 1e9) {
      return "the request body arrived at less than " + minBytesPerSecond + " bytes/s";
    }
    return null;
  }
}
