package dev.yardstick.metrics;

/**
 * One report row. A null field means unknown (no data of that kind for the row), never zero.
 *
 * @param key developer email, team name, org name, the period's first date, or "unattributed"
 *     (data no alias claims yet) and "(no team)"
 * @param developers how many developers the row's figures come from (group rows only)
 * @param withheld true when the group is smaller than the minimum group size for this viewer: figures null
 * @param withheldContributorWeeks contributor-weeks left out of the figures for this viewer (cells smaller than the
 *     minimum group size), or null when none
 * @param costUsd estimated cost in US dollars
 * @param activeTimeSeconds active time in seconds, keyboard and CLI together
 * @param aiUsagePercent accepted AI lines, at most the committed lines per developer and week, ÷ committed lines × 100,
 *     over the developers with both: 0 to 100
 * @param aiLinesBeyondCommitted accepted AI lines of those developers that their committed lines could not take
 * @param aiExcessDevelopers how many of those developers are flagged for a large excess (a developer's row: 0 or 1)
 * @param reworkPercent lines reworked within the window ÷ lines added × 100, by commit authors in the row
 * @param defectRate defect-introducing commits ÷ commits (0 to 1)
 * @param coverage how many of the row's developers have usage data, commits, and both
 */
public record ReportRow(
    String key,
    Integer developers,
    Boolean withheld,
    Integer withheldContributorWeeks,
    Long sessions,
    Long aiLinesAdded,
    Long aiLinesRemoved,
    Long editsAccepted,
    Long editsRejected,
    Long commitsByClaudeCode,
    Long pullRequestsByClaudeCode,
    Double costUsd,
    Tokens tokens,
    Double activeTimeSeconds,
    Long commits,
    Long committedLinesAdded,
    Long committedLinesRemoved,
    Long aiCoAuthoredCommits,
    Double aiUsagePercent,
    Long aiLinesBeyondCommitted,
    Integer aiExcessDevelopers,
    Double reworkPercent,
    Double defectRate,
    Double reworkPercentAiCoAuthored,
    Double reworkPercentOther,
    Double defectRateAiCoAuthored,
    Double defectRateOther,
    Coverage coverage) {

  /** Token counts by type. */
  public record Tokens(long input, long output, long cacheRead, long cacheCreation) {}

  /** Developers of the row with usage data (telemetry or Admin API), with commits, and with both. */
  public record Coverage(int withUsage, int withCommits, int withBoth) {}

  static ReportRow empty(String key, Integer developers) {
    return blank(key, developers, null);
  }

  static ReportRow withheld(String key, Integer developers) {
    return blank(key, developers, true);
  }

  private static ReportRow blank(String key, Integer developers, Boolean withheld) {
    return new ReportRow(key, developers, withheld, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
