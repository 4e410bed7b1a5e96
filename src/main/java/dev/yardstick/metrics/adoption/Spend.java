package dev.yardstick.metrics.adoption;

import dev.yardstick.model.Plausibility;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Pure: tokens and cost by model, developer and team, and cost per unit of adoption or output (docs/METRICS.md). */
public final class Spend {
  public static final String UNATTRIBUTED = "unattributed";
  public static final String NO_TEAM = "(no team)";
  public static final String NO_MODEL = "(no model)";

  private Spend() {}

  public record Tokens(long input, long output, long cacheRead, long cacheCreation) {}

  /** One group's spend; cost rounded to a millionth of a dollar. */
  public record SpendRow(String key, Tokens tokens, double costUsd) {}

  /**
   * Cost over a window and what it bought. Every ratio is null when its denominator is 0 or unknown (null).
   *
   * @param costUsd null without any usage data
   * @param commits null when no repository is followed
   * @param acceptedAiLines lines added by accepted edits; null without usage data
   */
  public record UnitCosts(Double costUsd, int activeDevelopers, Double perActiveDeveloper, Long commits,
      Double perCommit, Long acceptedAiLines, Double perAcceptedAiLine, Long aiCoAuthoredCommits,
      Double perAiCoAuthoredCommit) {}

  public static List<SpendRow> byModel(List<ModelDay> rows) {
    return group(rows, r -> List.of(r.model() == null || r.model().isEmpty() ? NO_MODEL : r.model()));
  }

  /** @param name a developer's key (their email) */
  public static List<SpendRow> byDeveloper(List<ModelDay> rows, Function<Long, String> name) {
    return group(rows, r -> List.of(r.developer() == null ? UNATTRIBUTED : name.apply(r.developer())));
  }

  /** @param teamAndAncestors a team's name and every team above it: a parent's row includes its teams' spend */
  public static List<SpendRow> byTeam(List<ModelDay> rows, Function<Long, List<String>> teamAndAncestors) {
    return group(rows, r -> r.developer() == null ? List.of(UNATTRIBUTED)
        : r.team() == null ? List.of(NO_TEAM) : teamAndAncestors.apply(r.team()));
  }

  /**
   * @param activity the window's usage rows (active developers and accepted lines)
   * @param commits the window's commit rows, or null when unknown (no repository followed)
   */
  public static UnitCosts unitCosts(List<ModelDay> spend, List<ActivityDay> activity, List<CommitDay> commits) {
    boolean usage = !spend.isEmpty() || !activity.isEmpty();
    double cost = 0;
    for (ModelDay m : spend) {
      cost = Plausibility.sum(cost, m.costUsd());
    }
    Set<Long> active = new HashSet<>();
    double lines = 0;
    for (ActivityDay a : activity) {
      lines = Plausibility.sum(lines, a.aiLinesAdded());
      if (a.developer() != null && a.active()) {
        active.add(a.developer());
      }
    }
    Long commitCount = null;
    Long aiCommits = null;
    if (commits != null) {
      commitCount = commits.stream().mapToLong(CommitDay::commits).sum();
      aiCommits = commits.stream().mapToLong(CommitDay::aiCoAuthoredCommits).sum();
    }
    Long acceptedLines = usage ? Math.round(lines) : null;
    cost = Round.to(cost, 1e6); // ratios of the cost shown, not of its float sum: a half-millionth must not flip
    return new UnitCosts(usage ? cost : null, active.size(),
        usage ? Round.ratio(cost, active.size(), 1e6) : null, commitCount, usage ? Round.ratio(cost, commitCount, 1e6) : null,
        acceptedLines, usage ? Round.ratio(cost, acceptedLines, 1e6) : null, aiCommits,
        usage ? Round.ratio(cost, aiCommits, 1e6) : null);
  }

  private static List<SpendRow> group(List<ModelDay> rows, Function<ModelDay, List<String>> keys) {
    Map<String, double[]> sums = new TreeMap<>();
    for (ModelDay r : rows) {
      for (String k : keys.apply(r)) {
        double[] s = sums.computeIfAbsent(k, x -> new double[5]);
        s[0] = Plausibility.sum(s[0], r.input());
        s[1] = Plausibility.sum(s[1], r.output());
        s[2] = Plausibility.sum(s[2], r.cacheRead());
        s[3] = Plausibility.sum(s[3], r.cacheCreation());
        s[4] = Plausibility.sum(s[4], r.costUsd());
      }
    }
    return sums.entrySet().stream().map(e -> {
      double[] s = e.getValue();
      return new SpendRow(e.getKey(), new Tokens(Math.round(s[0]), Math.round(s[1]), Math.round(s[2]), Math.round(s[3])),
          Round.to(s[4], 1e6));
    }).toList();
  }
}
