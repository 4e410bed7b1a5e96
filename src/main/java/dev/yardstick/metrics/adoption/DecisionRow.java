package dev.yardstick.metrics.adoption;

import java.time.LocalDate;

/**
 * Edit decisions of one developer, day, tool, language and decision source, after resolution and the source merge.
 *
 * @param developer the developer, or null when unattributed (counted in the totals: a decision is a decision)
 * @param language the file's language as Claude Code names it, or null when the source does not say (Admin API)
 * @param source the decision source as sent (config, hook, user_permanent, ...), or null when not said (Admin API)
 */
public record DecisionRow(LocalDate day, Long developer, Long team, String tool, String language, String source,
    double accepted, double rejected) {}
