package dev.yardstick.metrics;

/**
 * One report row. A null field means unknown (no data of that kind for the row), never zero.
 *
 * @param key developer email (or best identity), org name, or the period's first date
 * @param costUsd estimated cost in US dollars
 * @param activeTimeSeconds active time in seconds, keyboard and CLI together
 */
public record ReportRow(
    String key,
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
}
