package dev.yardstick.metrics;

import java.time.LocalDate;

/**
 * A daily row after identity resolution: usage (telemetry or Admin API) or git, one of the two.
 *
 * @param developerId the developer, or null when no alias claims the identity (unattributed)
 * @param teamId the developer's team on that day, or null
 * @param values usage, indexed by {@link dev.yardstick.model.UsageField#ordinal()}; null for a git row
 * @param activeTimeKnown whether telemetry is among the row's sources: the Admin API has no active time
 * @param git git counters, indexed by {@link dev.yardstick.model.GitField#ordinal()}; null for a usage row
 */
record ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values, boolean activeTimeKnown, double[] git) {
  /** A usage row from telemetry. */
  ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values) {
    this(day, developerId, teamId, values, true, null);
  }

  static ResolvedRow git(LocalDate day, Long developerId, Long teamId, double[] git) {
    return new ResolvedRow(day, developerId, teamId, null, false, git);
  }

  /** Who the row's data comes from, for counting contributors: the developer, or all unlinked data as one. */
  Long contributor() {
    return developerId == null ? SmallGroups.UNLINKED : developerId;
  }
}
