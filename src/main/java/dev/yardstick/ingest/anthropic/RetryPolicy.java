package dev.yardstick.ingest.anthropic;

import java.time.Duration;

/**
 * How long to wait before the next attempt, or null to give up: 429 waits what retry-after says
 * (capped), 5xx and network errors back off exponentially, other errors never retry.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {
  public static final RetryPolicy STANDARD = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(2));

  Duration wait(AdminApiException e, int attempt) {
    if (!e.retryable() || attempt >= maxAttempts) {
      return null;
    }
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    Duration wait = e.kind() == AdminApiException.Kind.RATE_LIMITED && e.retryAfter() != null ? e.retryAfter() : backoff;
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
