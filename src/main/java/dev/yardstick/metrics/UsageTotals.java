package dev.yardstick.metrics;

import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;

/** Sums of the usage counters for one report row; empty until a rollup row is added. */
final class UsageTotals {
  private final double[] sums = new double[UsageField.count()];
  private boolean present;

  void add(UsageRow row) {
    present = true;
    for (int i = 0; i < sums.length; i++) {
      sums[i] += row.values()[i];
    }
  }

  ReportRow toRow(String key) {
    if (!present) {
      return new ReportRow(key, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null);
    }
    return new ReportRow(key,
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
