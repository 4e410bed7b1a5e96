package dev.yardstick.metrics.adoption;

import java.time.LocalDate;

/**
 * A developer's git commits on one day (author date, organization's time zone; merges excluded), after resolution.
 *
 * @param developer the developer, or null for an author no alias claims
 * @param aiCoAuthoredCommits commits carrying Claude Code's Co-Authored-By trailer
 */
public record CommitDay(LocalDate day, Long developer, Long team, long commits, long aiCoAuthoredCommits) {}
