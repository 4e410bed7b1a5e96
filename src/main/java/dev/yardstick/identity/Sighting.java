package dev.yardstick.identity;

import dev.yardstick.identity.People.RawId;
import java.time.Instant;
import java.util.List;

/**
 * Identifiers seen together in some data source, for the unmatched queue.
 *
 * @param evidence the identifiers in order of evidence; the first is the one to link
 * @param source where it was seen: telemetry, admin-api or git
 * @param volume how much data came with it (sessions and events, rows, or commits)
 */
public record Sighting(List<RawId> evidence, String source, Instant firstSeen, Instant lastSeen, long volume,
    String terminalType, String clientVersion) {

  public static Sighting of(IdentityRecord r) {
    return new Sighting(IdentityResolver.evidence(r.identity()), "telemetry", r.firstSeen(), r.lastSeen(), r.volume(),
        r.terminalType(), r.appVersion());
  }
}
