package dev.yardstick.metrics;

import java.util.Map;

/** Pure: AI usage % over the developers who have both usage data and commits, and that coverage. */
final class GitRates {
  private GitRates() {}

  /**
   * Accepted AI lines ÷ committed lines × 100, over developers with both in the window: a developer
   * without telemetry must not read as "no AI", nor one without commits as "all AI". Null when none has both.
   *
   * @param pairs per developer: [AI lines added, committed lines added, has usage, has commits]
   */
  static Double aiUsagePercent(Map<Long, double[]> pairs) {
    double ai = 0;
    double committed = 0;
    for (double[] p : pairs.values()) {
      if (p[2] > 0 && p[3] > 0) {
        ai += p[0];
        committed += p[1];
      }
    }
    return committed > 0 ? UsageTotals.round(100.0 * ai / committed, 1e2) : null;
  }

  static ReportRow.Coverage coverage(Map<Long, double[]> pairs) {
    int usage = 0;
    int commits = 0;
    int both = 0;
    for (double[] p : pairs.values()) {
      usage += p[2] > 0 ? 1 : 0;
      commits += p[3] > 0 ? 1 : 0;
      both += p[2] > 0 && p[3] > 0 ? 1 : 0;
    }
    return pairs.isEmpty() ? null : new ReportRow.Coverage(usage, commits, both);
  }
}
