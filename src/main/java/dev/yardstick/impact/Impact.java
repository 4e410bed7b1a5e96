package dev.yardstick.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pure: the effect on delivery (docs/METRICS.md "Effect on delivery"). Each developer is compared with themselves
 * (high-AI weeks against low-AI weeks; weeks after adoption against weeks before), the per-developer differences are
 * averaged over the group with a bootstrap interval over developers; and AI co-authored commits against the rest.
 */
public final class Impact {
  private Impact() {}

  /** Output and quality, side A against side B. */
  public record Delivery(Comparison commitsPerWeek, Comparison linesPerWeek, Comparison reworkPercent,
      Comparison defectRate) {}

  /** AI co-authored commits (A) against the other commits (B). */
  public record Split(Comparison reworkPercent, Comparison defectRate) {}

  public record Report(Delivery highVsLowAi, Delivery afterVsBeforeAdoption, Split aiCoAuthoredVsOther) {}

  /** Adoption weeks taken from these weeks: right when they reach back to before each developer's first AI week. */
  public static Report report(Collection<DeveloperWeek> weeks, Settings s) {
    Map<Long, LocalDate> adoption = new HashMap<>();
    for (DeveloperWeek w : weeks) {
      if (w.aiSeen()) {
        adoption.merge(w.developer(), w.week(), (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    return report(weeks, adoption, s);
  }

  /**
   * @param adoptionWeeks each developer's first week with Claude Code seen in use, over all their history (a range
   *     that starts after it would otherwise take a later week for it); a developer without one never adopted
   */
  public static Report report(Collection<DeveloperWeek> weeks, Map<Long, LocalDate> adoptionWeeks, Settings s) {
    Map<Long, List<DeveloperWeek>> byDev = byDeveloper(weeks);
    return new Report(delivery(Classify.highVsLow(byDev, s), s),
        delivery(Classify.afterVsBefore(byDev, adoptionWeeks, s), s), split(Classify.aiCoAuthored(byDev), s));
  }

  /** A developer's weeks in date order, developers in id order (the bootstrap's, so input order never matters). */
  static Map<Long, List<DeveloperWeek>> byDeveloper(Collection<DeveloperWeek> weeks) {
    Map<Long, List<DeveloperWeek>> byDev = new TreeMap<>();
    for (DeveloperWeek w : weeks) {
      byDev.computeIfAbsent(w.developer(), k -> new ArrayList<>()).add(w);
    }
    for (List<DeveloperWeek> l : byDev.values()) {
      l.sort((x, y) -> x.week().compareTo(y.week()));
      for (int i = 1; i < l.size(); i++) {
        if (l.get(i).week().equals(l.get(i - 1).week())) {
          throw new IllegalArgumentException("developer " + l.get(i).developer() + " has week " + l.get(i).week()
              + " twice");
        }
      }
    }
    return byDev;
  }

  static Delivery delivery(List<Side.Pair> pairs, Settings s) {
    List<Side.Pair> counted = pairs.stream()
        .filter(p -> p.a().weeks >= s.minWeeksPerSide() && p.b().weeks >= s.minWeeksPerSide()).toList();
    String who = "developers with at least " + s.minWeeksPerSide() + " weeks on each side";
    return new Delivery(
        output(counted, Side::commitsPerWeek, who + " and commits on both", s),
        output(counted, Side::linesPerWeek, who + " and committed lines on both", s),
        difference(counted, Side::reworkPercent, true, who + " and committed lines on both", s),
        difference(counted, Side::defectRate, true, who + " and commits on both", s));
  }

  static Split split(List<Side.Pair> pairs, Settings s) {
    List<Side.Pair> counted = pairs.stream()
        .filter(p -> p.a().commits >= s.minCommitsPerSide() && p.b().commits >= s.minCommitsPerSide()).toList();
    String who = "developers with at least " + s.minCommitsPerSide() + " AI co-authored and " + s.minCommitsPerSide()
        + " other commits";
    return new Split(difference(counted, Side::reworkPercent, false, who + " and committed lines on both", s),
        difference(counted, Side::defectRate, false, who, s));
  }

  /** Lift in %: the mean of per-developer log ratios, back-transformed (a geometric mean: up and down alike). */
  private static Comparison output(List<Side.Pair> pairs, Function<Side, Double> perWeek, String who, Settings s) {
    Comparison c = pooled(pairs, p -> {
      double a = perWeek.apply(p.a());
      double b = perWeek.apply(p.b());
      return a > 0 && b > 0 ? Math.log(a / b) : null;
    }, true, who, s);
    return c.estimate() == null ? c : new Comparison(lift(c.estimate()), lift(c.low()), lift(c.high()),
        c.nDevelopers(), c.nWeeksA(), c.nWeeksB(), c.nCommitsA(), c.nCommitsB(), null);
  }

  private static double lift(double log) {
    return (Math.exp(log) - 1) * 100;
  }

  private static Comparison difference(List<Side.Pair> pairs, Function<Side, Double> rate, boolean weekly, String who,
      Settings s) {
    return pooled(pairs, p -> {
      Double a = rate.apply(p.a());
      Double b = rate.apply(p.b());
      return a != null && b != null ? a - b : null;
    }, weekly, who, s);
  }

  private static Comparison pooled(List<Side.Pair> pairs, Function<Side.Pair, Double> value, boolean weekly,
      String who, Settings s) {
    double[] values = new double[pairs.size()];
    int n = 0;
    long weeksA = 0, weeksB = 0, commitsA = 0, commitsB = 0;
    for (Side.Pair p : pairs) {
      Double v = value.apply(p);
      if (v != null) {
        values[n++] = v;
        weeksA += p.a().weeks;
        weeksB += p.b().weeks;
        commitsA += p.a().commits;
        commitsB += p.b().commits;
      }
    }
    Comparison.Sample sample = new Comparison.Sample(java.util.Arrays.copyOf(values, n), n,
        weekly ? weeksA : null, weekly ? weeksB : null, commitsA, commitsB);
    if (n < s.minDevelopers()) {
      return Comparison.notEnough(sample, "not enough data: " + n + " of the " + s.minDevelopers()
          + " developers needed (" + who + ")");
    }
    return Comparison.of(Bootstrap.mean(sample.values(), s.resamples(), s.seed()), sample);
  }
}
