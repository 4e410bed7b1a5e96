package dev.yardstick.rollout;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the three sources saw of one developer; every field may be null (nothing from that source).
 *
 * @param firstEventAt the earliest event time of their telemetry identities
 * @param lastEventAt the latest event time of their telemetry identities
 * @param adminApiLastDay the latest day the Admin API reports for their email or API keys
 * @param lastCommitAt the author time of their latest commit (merges left out)
 */
public record Evidence(Instant firstEventAt, Instant lastEventAt, LocalDate adminApiLastDay, Instant lastCommitAt) {
  public static final Evidence NONE = new Evidence(null, null, null, null);

  Evidence telemetry(Instant first, Instant last) {
    return new Evidence(min(firstEventAt, first), max(lastEventAt, last), adminApiLastDay, lastCommitAt);
  }

  Evidence adminApi(LocalDate lastDay) {
    return new Evidence(firstEventAt, lastEventAt,
        adminApiLastDay == null || lastDay.isAfter(adminApiLastDay) ? lastDay : adminApiLastDay, lastCommitAt);
  }

  Evidence commit(Instant last) {
    return new Evidence(firstEventAt, lastEventAt, adminApiLastDay, max(lastCommitAt, last));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
