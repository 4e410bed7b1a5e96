package dev.yardstick.metrics;

import dev.yardstick.model.Plausibility;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pure: AI usage %, bounded (docs/METRICS.md). Per developer and week, the accepted AI lines counted are at most the
 * committed lines; what a week's commits cannot take is offered to the next week's, and what is left after that is
 * reported beside the figure as lines beyond the committed ones (typically written into repositories not followed).
 */
final class AiUsage {
  /** A developer is flagged when at least this many accepted lines are beyond their committed lines... */
  static final double FLAG_MIN_LINES = 100;
  // ...and those are more than the lines counted: most of what they accepted was not found

  // a week's two figures: [ACCEPTED, COMMITTED]
  private static final int ACCEPTED = 0;
  private static final int COMMITTED = 1;

  private final Map<Long, Ledger> developers = new HashMap<>();

  private static final class Ledger {
    boolean usage;
    boolean commits;
    boolean restricted;
    final SortedMap<LocalDate, double[]> weeks = new TreeMap<>();
    private long lastWeek = Long.MIN_VALUE;
    private double[] last;

    // a developer's rows come a day at a time, so the week is mostly the last one
    double[] week(LocalDate day) {
      long w = SmallGroups.week(day);
      if (w != lastWeek) {
        lastWeek = w;
        last = weeks.computeIfAbsent(SmallGroups.monday(day), k -> new double[2]);
      }
      return last;
    }
  }

  /** The row's figures; all null when no developer has both usage data and commits. */
  record Figures(Double percent, Long beyondCommitted, Integer flagged, ReportRow.Coverage coverage) {}

  /** @param restricted whether the viewer may not see this developer's own numbers (SmallGroups) */
  void usage(long developer, LocalDate day, double acceptedLines, boolean restricted) {
    add(developer, day, ACCEPTED, acceptedLines, restricted).usage = true;
  }

  void commits(long developer, LocalDate day, double committedLines, boolean restricted) {
    add(developer, day, COMMITTED, committedLines, restricted).commits = true;
  }

  private Ledger add(long developer, LocalDate day, int side, double lines, boolean restricted) {
    Ledger l = developers.computeIfAbsent(developer, k -> new Ledger());
    l.restricted |= restricted;
    double[] w = l.week(day);
    w[side] = Plausibility.sum(w[side], lines);
    return l;
  }

  /**
   * Capped accepted lines ÷ committed lines × 100 over the developers with both, never above 100.
   *
   * @param minGroupSize the fewest developers with both, among those the viewer may not see individually, that the
   *     figures may come from (coverage would otherwise tell when they are one person's ratio)
   */
  Figures figures(int minGroupSize) {
    int usage = 0;
    int commits = 0;
    int both = 0;
    int restrictedBoth = 0;
    int flagged = 0;
    double counted = 0;
    double beyond = 0;
    double committed = 0;
    for (Ledger l : developers.values()) {
      usage += l.usage ? 1 : 0;
      commits += l.commits ? 1 : 0;
      if (l.usage && l.commits) { // without telemetry is not "no AI", without commits not "all AI"
        both++;
        restrictedBoth += l.restricted ? 1 : 0;
        double[] c = cap(l.weeks);
        counted = Plausibility.sum(counted, c[0]);
        beyond = Plausibility.sum(beyond, c[1]);
        committed = Plausibility.sum(committed, c[2]);
        flagged += flagged(c[0], c[1]) ? 1 : 0;
      }
    }
    ReportRow.Coverage coverage = developers.isEmpty() ? null : new ReportRow.Coverage(usage, commits, both);
    if (both == 0 || (restrictedBoth > 0 && restrictedBoth < minGroupSize)) {
      return new Figures(null, null, null, coverage);
    }
    return new Figures(committed > 0 ? UsageTotals.round(100.0 * counted / committed, 1e2) : null, Math.round(beyond), flagged,
        coverage);
  }

  /**
   * One developer's weeks (Monday → [accepted, committed]): a week's commits take the previous week's accepted lines
   * still open first, then its own; lines open for two weeks are beyond the committed ones.
   *
   * @return [accepted lines counted, accepted lines beyond the committed ones, committed lines]
   */
  static double[] cap(SortedMap<LocalDate, double[]> weeks) {
    double counted = 0;
    double beyond = 0;
    double committed = 0;
    double open = 0;
    LocalDate previous = null;
    for (Map.Entry<LocalDate, double[]> w : weeks.entrySet()) {
      if (previous != null && !w.getKey().equals(previous.plusWeeks(1))) {
        beyond = Plausibility.sum(beyond, open);
        open = 0;
      }
      double accepted = Math.max(0, w.getValue()[ACCEPTED]);
      double lines = Math.max(0, w.getValue()[COMMITTED]);
      double fromOpen = Math.min(open, lines);
      double fromThisWeek = Math.min(accepted, lines - fromOpen);
      counted = Plausibility.sum(counted, fromOpen + fromThisWeek);
      beyond = Plausibility.sum(beyond, open - fromOpen);
      open = accepted - fromThisWeek;
      committed = Plausibility.sum(committed, lines);
      previous = w.getKey();
    }
    return new double[] {counted, Plausibility.sum(beyond, open), committed};
  }

  static boolean flagged(double counted, double beyond) {
    return beyond >= FLAG_MIN_LINES && beyond > counted;
  }
}
