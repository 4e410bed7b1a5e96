package dev.yardstick.metrics.adoption;

import java.time.LocalDate;

/**
 * One developer's Claude Code usage on one of the organization's days, after identity resolution and the Admin API /
 * telemetry merge (a resolved daily usage row). Several rows of the same developer and day add up.
 *
 * @param developer the developer, or null when no alias claims the identity (counted in no developer figure)
 * @param team the developer's team on that day, or null
 * @param activeSeconds keyboard and CLI active time, or null when telemetry is not among the row's sources
 * @param editDecisions accepted plus rejected edit decisions
 * @param tokens input, output, cache read and cache creation tokens together
 * @param aiLinesAdded lines added by accepted Claude Code edits
 * @param telemetry whether the row holds telemetry (the Admin API alone is not a rollout)
 */
public record ActivityDay(LocalDate day, Long developer, Long team, double sessions, Double activeSeconds,
    double editDecisions, double tokens, double aiLinesAdded, boolean telemetry) {

  /** Active: any session, active second, edit decision or token. Cost, lines and events alone do not count (METRICS.md). */
  public boolean active() {
    return sessions > 0 || (activeSeconds != null && activeSeconds > 0) || editDecisions > 0 || tokens > 0;
  }
}
