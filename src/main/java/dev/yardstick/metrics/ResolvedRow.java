package dev.yardstick.metrics;

import java.time.LocalDate;

/**
 * A daily rollup row after identity resolution.
 *
 * @param developerId the developer, or null when no alias claims the identity (unattributed)
 * @param teamId the developer's team on that day, or null
 * @param values indexed by {@link dev.yardstick.model.UsageField#ordinal()}
 */
record ResolvedRow(LocalDate day, Long developerId, Long teamId, double[] values) {}
