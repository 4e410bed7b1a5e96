package dev.yardstick.metrics;

/**
 * One report row. A null field means unknown (no data of that kind for the row), never zero.
 *
 * @param key developer email, team name, org name, the period's first date, or "unattributed"
 *     (data no alias claims yet) and "(no team)"
 * @param developers how many developers the row's figures come from (group rows only)
 * @param withheld true when the group is smaller than the minimum group size for this viewer: figures null
 * @param costUsd estimated cost in US dollars
 * @param activeTimeSeconds active time in seconds, keyboard and CLI together
 */
public record ReportRow(
    String key,
    Integer developers,
    Boolean withheld,
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
    Double reworkPercent,
    Double defectRate) {

  /** Token counts by type. */
  public record Tokens(long input, long output, long cacheRead, long cacheCreation) {}

  static ReportRow empty(String key, Integer developers) {
    return new ReportRow(key, developers, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  ReportRow withheldRow() {
    return new ReportRow(key, developers, true, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }
}
