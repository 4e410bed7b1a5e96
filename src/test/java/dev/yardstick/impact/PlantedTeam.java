package dev.yardstick.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A generated team with a planted effect and its own truth: every developer's committed lines are their baseline times
 * log-normal weekly noise, times (1 + lift) in the weeks the effect applies to; their rework share is their baseline
 * share plus {@code reworkPoints} in those weeks. Baselines differ by developer, so only a within-developer comparison
 * recovers the planted figures.
 */
record PlantedTeam(List<DeveloperWeek> weeks, double liftPercent, double reworkPoints) {
  static final LocalDate START = LocalDate.parse("2026-01-05"); // a Monday

  enum Mode {
    /** Telemetry every week; the effect applies in high-AI weeks (some weeks fall between the thresholds). */
    HIGH_VS_LOW,
    /** No telemetry before a developer's adoption week; the effect applies to every week after it. */
    ADOPTION
  }

  static PlantedTeam generate(long seed, int developers, int weeksEach, double liftPercent, double reworkPoints,
      Mode mode) {
    Random r = new Random(seed);
    List<DeveloperWeek> out = new ArrayList<>();
    for (long d = 1; d <= developers; d++) {
      double baseLines = Math.exp(Math.log(400) + 0.6 * r.nextGaussian());
      double baseCommits = 2 + 8 * r.nextDouble();
      double baseRework = 0.05 + 0.10 * r.nextDouble();
      // high-AI weeks: 30 to 50% of them, 10% between the thresholds, the rest low, in random order
      List<Integer> kinds = new ArrayList<>();
      int high = (int) Math.round(weeksEach * (0.3 + 0.2 * r.nextDouble()));
      int between = (int) Math.round(weeksEach * 0.1);
      for (int i = 0; i < weeksEach; i++) {
        kinds.add(i < high ? 2 : i < high + between ? 1 : 0);
      }
      Collections.shuffle(kinds, r);
      int adoption = weeksEach / 4 + r.nextInt(weeksEach / 2);
      for (int i = 0; i < weeksEach; i++) {
        double hours;
        boolean telemetry = true;
        boolean effect;
        if (mode == Mode.ADOPTION) {
          telemetry = i >= adoption;
          hours = i >= adoption ? 1 + 5 * r.nextDouble() : 0;
          effect = i > adoption;
        } else {
          int kind = kinds.get(i);
          hours = kind == 2 ? 2 + 6 * r.nextDouble() : kind == 1 ? 0.5 + 1.49 * r.nextDouble()
              : r.nextBoolean() ? 0 : 0.49 * r.nextDouble();
          effect = hours >= 2;
        }
        double multiplier = effect ? 1 + liftPercent / 100 : 1;
        long lines = Math.max(1, Math.round(baseLines * multiplier * Math.exp(0.35 * r.nextGaussian())));
        long commits = Math.max(1, Math.round(baseCommits * Math.exp(0.3 * r.nextGaussian())));
        double share = baseRework + (effect ? reworkPoints / 100 : 0);
        double sd = Math.sqrt(lines * share * (1 - share));
        long reworked = Math.clamp(Math.round(lines * share + sd * r.nextGaussian()), 0, lines);
        long defects = Math.min(commits, Math.round(commits * 0.1 * r.nextDouble()));
        out.add(new DeveloperWeek(d, START.plusWeeks(i), telemetry, hours, commits, lines, reworked, defects,
            0, 0, 0, 0));
      }
    }
    return new PlantedTeam(out, liftPercent, reworkPoints);
  }

  /**
   * Commits of which a share per developer (10 to 60%) carry Claude Code's mark; the marked commits' lines are reworked
   * at the developer's baseline share plus {@code reworkPoints}, the others at the baseline.
   */
  static PlantedTeam coAuthored(long seed, int developers, int weeksEach, double reworkPoints) {
    Random r = new Random(seed);
    List<DeveloperWeek> out = new ArrayList<>();
    for (long d = 1; d <= developers; d++) {
      double baseLines = Math.exp(Math.log(60) + 0.5 * r.nextGaussian()); // per commit
      double baseCommits = 2 + 8 * r.nextDouble();
      double baseRework = 0.05 + 0.10 * r.nextDouble();
      double aiShare = 0.1 + 0.5 * r.nextDouble();
      for (int i = 0; i < weeksEach; i++) {
        long commits = Math.max(2, Math.round(baseCommits * Math.exp(0.3 * r.nextGaussian())));
        long ai = Math.clamp(Math.round(commits * aiShare + r.nextGaussian()), 0, commits);
        long aiLines = lines(r, ai, baseLines);
        long otherLines = lines(r, commits - ai, baseLines);
        long aiReworked = reworked(r, aiLines, baseRework + reworkPoints / 100);
        long otherReworked = reworked(r, otherLines, baseRework);
        out.add(new DeveloperWeek(d, START.plusWeeks(i), false, 0, commits, aiLines + otherLines,
            aiReworked + otherReworked, 0, ai, aiLines, aiReworked, 0));
      }
    }
    return new PlantedTeam(out, 0, reworkPoints);
  }

  private static long lines(Random r, long commits, double perCommit) {
    long sum = 0;
    for (long c = 0; c < commits; c++) {
      sum += Math.max(1, Math.round(perCommit * Math.exp(0.5 * r.nextGaussian())));
    }
    return sum;
  }

  private static long reworked(Random r, long lines, double share) {
    double sd = Math.sqrt(lines * share * (1 - share));
    return Math.clamp(Math.round(lines * share + sd * r.nextGaussian()), 0, lines);
  }
}
