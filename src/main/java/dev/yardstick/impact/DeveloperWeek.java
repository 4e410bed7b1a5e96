package dev.yardstick.impact;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One developer's ISO week (Monday, in the organization's time zone): Claude Code use and what their commits of that
 * week delivered. Git figures follow docs/METRICS.md "Git fields"; the {@code ai*} ones are the AI co-authored part.
 *
 * @param telemetry whether Yardstick had the developer's Claude Code telemetry that week; without it the week's AI use
 *     is unknown (not zero) and {@code aiActiveHours} is ignored
 * @param aiActiveHours Claude Code active time (user + CLI) that week, in hours
 */
public record DeveloperWeek(long developer, LocalDate week, boolean telemetry, double aiActiveHours,
    long commits, long linesAdded, long reworkedLines, long defectCommits,
    long aiCommits, long aiLinesAdded, long aiReworkedLines, long aiDefectCommits) {

  public DeveloperWeek {
    if (week == null || week.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("week must be an ISO week's Monday: " + week);
    }
    if (!(aiActiveHours >= 0) || Double.isInfinite(aiActiveHours)) {
      throw new IllegalArgumentException("aiActiveHours must be a finite number >= 0: " + aiActiveHours);
    }
    if (commits < 0 || linesAdded < 0 || reworkedLines < 0 || defectCommits < 0
        || aiCommits < 0 || aiLinesAdded < 0 || aiReworkedLines < 0 || aiDefectCommits < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    // the parts cannot exceed their wholes; a violation is a caller's bug, not data to average
    if (reworkedLines > linesAdded || defectCommits > commits || aiCommits > commits || aiLinesAdded > linesAdded
        || aiReworkedLines > reworkedLines || aiDefectCommits > defectCommits
        || aiReworkedLines > aiLinesAdded || aiDefectCommits > aiCommits) {
      throw new IllegalArgumentException("a part exceeds its whole in developer " + developer + ", week " + week);
    }
  }

  /** A week without telemetry and with only git figures (AI use unknown). */
  public static DeveloperWeek gitOnly(long developer, LocalDate week, long commits, long linesAdded) {
    return new DeveloperWeek(developer, week, false, 0, commits, linesAdded, 0, 0, 0, 0, 0, 0);
  }

  /** Present: the developer did something we can see (a commit or Claude Code use); other weeks are absences. */
  boolean present() {
    return commits > 0 || (telemetry && aiActiveHours > 0);
  }

  /** Claude Code was seen in use this week. */
  boolean aiSeen() {
    return telemetry && aiActiveHours > 0;
  }
}
