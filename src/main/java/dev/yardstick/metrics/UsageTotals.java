package dev.yardstick.metrics;

import dev.yardstick.metrics.SmallGroups.Fate;
import dev.yardstick.model.GitField;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sums of one report row: usage counters, git counters, which developers they came from, and what was left out. */
final class UsageTotals {
  private final double[] sums = new double[UsageField.count()];
  private final double[] git = new double[GitField.count()];
  private final Set<Long> developers = new HashSet<>();
  private final AiUsage ai = new AiUsage();
  private final Set<Long> leftOutDevelopers = new HashSet<>();
  private final Set<List<Object>> leftOutWeeks = new HashSet<>();
  private boolean present;
  private boolean activeTimePresent;
  private boolean gitPresent;
  private boolean unseenKept;

  void add(ResolvedRow row, Fate fate) {
    if (fate == Fate.LEFT_OUT) {
      leftOutWeeks.add(List.of(row.contributor(), SmallGroups.week(row.day())));
      if (row.developerId() != null) {
        leftOutDevelopers.add(row.developerId());
      }
      return;
    }
    unseenKept |= fate == Fate.KEPT;
    if (row.developerId() != null) {
      developers.add(row.developerId());
    }
    if (row.values() != null) {
      present = true;
      activeTimePresent |= row.activeTimeKnown();
      for (int i = 0; i < sums.length; i++) {
        sums[i] = Plausibility.sum(sums[i], row.values()[i]);
      }
      if (row.developerId() != null) {
        ai.usage(row.developerId(), row.day(), row.values()[UsageField.LINES_ADDED.ordinal()], fate == Fate.KEPT);
      }
    }
    if (row.git() != null) {
      gitPresent = true;
      for (int i = 0; i < git.length; i++) {
        git[i] = Plausibility.sum(git[i], row.git()[i]);
      }
      if (row.developerId() != null) {
        ai.commits(row.developerId(), row.day(), row.git()[GitField.LINES_ADDED.ordinal()], fate == Fate.KEPT);
      }
    }
  }

  /** Developers the row's figures come from. */
  Set<Long> developers() {
    return developers;
  }

  /** Whether everything of people the viewer may not see individually was left out, so the row must be withheld. */
  boolean allUnseenLeftOut() {
    return !leftOutWeeks.isEmpty() && !unseenKept;
  }

  /** Developers of the row, including those whose data was left out. */
  int developersBeforeLeavingOut() {
    Set<Long> all = new HashSet<>(developers);
    all.addAll(leftOutDevelopers);
    return all.size();
  }

  /**
   * @param developerCount how many developers the row stands for, or null for a developer's own row
   * @param minGroupSize the minimum group size, for the AI figures of developers the viewer may not see
   */
  ReportRow toRow(String key, Integer developerCount, int minGroupSize) {
    if (!present && !gitPresent) {
      return ReportRow.empty(key, developerCount);
    }
    AiUsage.Figures f = ai.figures(minGroupSize);
    return new ReportRow(key, developerCount, null, leftOutWeeks.isEmpty() ? null : leftOutWeeks.size(),
        count(UsageField.SESSIONS), count(UsageField.LINES_ADDED), count(UsageField.LINES_REMOVED),
        count(UsageField.EDITS_ACCEPTED), count(UsageField.EDITS_REJECTED), count(UsageField.COMMITS),
        count(UsageField.PULL_REQUESTS), present ? round(get(UsageField.COST_USD), 1e6) : null,
        present ? new ReportRow.Tokens(count(UsageField.TOKENS_INPUT), count(UsageField.TOKENS_OUTPUT),
            count(UsageField.TOKENS_CACHE_READ), count(UsageField.TOKENS_CACHE_CREATION)) : null,
        activeTimePresent ? round(Plausibility.sum(get(UsageField.ACTIVE_USER_SECONDS), get(UsageField.ACTIVE_CLI_SECONDS)), 1e3) : null,
        git(GitField.COMMITS), git(GitField.LINES_ADDED), git(GitField.LINES_REMOVED), git(GitField.AI_COMMITS),
        f.percent(), f.beyondCommitted(), f.flagged(),
        reworkPercent(GitField.REWORKED_LINES, GitField.LINES_ADDED, false),
        defectRate(GitField.DEFECT_COMMITS, GitField.COMMITS, false),
        reworkPercent(GitField.AI_REWORKED_LINES, GitField.AI_LINES_ADDED, false),
        reworkPercent(GitField.AI_REWORKED_LINES, GitField.AI_LINES_ADDED, true),
        defectRate(GitField.AI_DEFECT_COMMITS, GitField.AI_COMMITS, false),
        defectRate(GitField.AI_DEFECT_COMMITS, GitField.AI_COMMITS, true),
        f.coverage());
  }

  private Long git(GitField f) {
    return gitPresent ? Math.round(git[f.ordinal()]) : null;
  }

  /** Reworked lines per 100 added; {@code rest} takes the complement (commits that are not AI co-authored). */
  private Double reworkPercent(GitField reworked, GitField added, boolean rest) {
    double r = rest ? git[GitField.REWORKED_LINES.ordinal()] - git[reworked.ordinal()] : git[reworked.ordinal()];
    double a = rest ? git[GitField.LINES_ADDED.ordinal()] - git[added.ordinal()] : git[added.ordinal()];
    return gitPresent && a > 0 ? round(100.0 * r / a, 1e2) : null;
  }

  private Double defectRate(GitField defects, GitField commits, boolean rest) {
    double d = rest ? git[GitField.DEFECT_COMMITS.ordinal()] - git[defects.ordinal()] : git[defects.ordinal()];
    double c = rest ? git[GitField.COMMITS.ordinal()] - git[commits.ordinal()] : git[commits.ordinal()];
    return gitPresent && c > 0 ? round(d / c, 1e4) : null;
  }

  private double get(UsageField f) {
    return sums[f.ordinal()];
  }

  // counters arrive as doubles (the client's value type); whole counts are reported as integers; null without usage data
  private Long count(UsageField f) {
    return present ? Math.round(get(f)) : null;
  }

  /** Rounded to 1/scale; rint, not round: a long would saturate long before a large sum (cost, seconds) does. */
  static double round(double v, double scale) {
    double r = Math.rint(v * scale) / scale;
    return Double.isFinite(r) ? r : v;
  }
}
