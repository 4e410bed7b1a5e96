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
 * @param repository the followed repository of a git row read by repository (groupBy=repository), else null
 */
record ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values, boolean activeTimeKnown, double[] git,
    String repository) {
  /** A usage row from telemetry. */
  ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values) {
    this(day, developerId, teamId, values, true, null, null);
  }

  ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values, boolean activeTimeKnown, double[] git) {
    this(day, developerId, teamId, values, activeTimeKnown, git, null);
  }

  static ResolvedRow git(LocalDate day, Long developerId, Long teamId, double[] git) {
    return new ResolvedRow(day, developerId, teamId, null, false, git, null);
  }

  /** A git row of one followed repository. */
  static ResolvedRow git(LocalDate day, Long developerId, Long teamId, double[] git, String repository) {
    return new ResolvedRow(day, developerId, teamId, null, false, git, repository);
  }

  /** Who the row's data comes from, for counting contributors: the developer, or all unlinked data as one. */
  Long contributor() {
    return developerId == null ? SmallGroups.UNLINKED : developerId;
  }
}
