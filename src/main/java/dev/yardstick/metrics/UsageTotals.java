package dev.yardstick.metrics;

import dev.yardstick.model.UsageField;
import java.util.HashSet;
import java.util.Set;

/** Sums of the usage counters for one report row, and which developers they came from. */
final class UsageTotals {
  private final double[] sums = new double[UsageField.count()];
  private final Set<Long> developers = new HashSet<>();
  private boolean present;

  void add(ResolvedRow row) {
    present = true;
    if (row.developerId() != null) {
      developers.add(row.developerId());
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += row.values()[i];
    }
  }

  Set<Long> developers() {
    return developers;
  }

  /** @param developerCount how many developers the row stands for, or null for a developer's own row */
  ReportRow toRow(String key, Integer developerCount) {
    if (!present) {
      return ReportRow.empty(key, developerCount);
    }
    return new ReportRow(key, developerCount, null,
        count(UsageField.SESSIONS), count(UsageField.LINES_ADDED), count(UsageField.LINES_REMOVED),
        count(UsageField.EDITS_ACCEPTED), count(UsageField.EDITS_REJECTED), count(UsageField.COMMITS),
        count(UsageField.PULL_REQUESTS), round(get(UsageField.COST_USD), 1e6),
        new ReportRow.Tokens(count(UsageField.TOKENS_INPUT), count(UsageField.TOKENS_OUTPUT),
            count(UsageField.TOKENS_CACHE_READ), count(UsageField.TOKENS_CACHE_CREATION)),
        round(get(UsageField.ACTIVE_USER_SECONDS) + get(UsageField.ACTIVE_CLI_SECONDS), 1e3),
        null, null, null, null, null, null, null);
  }

  private double get(UsageField f) {
    return sums[f.ordinal()];
  }

  // counters arrive as doubles (the client's value type); whole counts are reported as integers
  private long count(UsageField f) {
    return Math.round(get(f));
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
