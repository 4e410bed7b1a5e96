package dev.yardstick.metrics;

import dev.yardstick.impact.DeveloperWeek;
import dev.yardstick.model.GitField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: developer-days (telemetry active time, git counters) summed into ISO developer-weeks for the impact
 * comparisons. A week has telemetry when any telemetry day row of the developer falls in it.
 */
final class DeveloperWeeks {
  private record Key(long developer, LocalDate week) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(developer, o.developer);
      return c != 0 ? c : week.compareTo(o.week);
    }
  }

  private static final class Sums {
    boolean telemetry;
    double activeSeconds;
    final double[] git = new double[GitField.count()];
  }

  private final Map<Key, Sums> weeks = new TreeMap<>();

  /** The Monday of the ISO week a day is in. */
  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** A telemetry day row of the developer (active time possibly 0). */
  void telemetry(long developer, LocalDate day, double activeSeconds) {
    Sums s = sums(developer, day);
    s.telemetry = true;
    s.activeSeconds += activeSeconds;
  }

  /** A developer's git counters of one day, indexed by {@link GitField}. */
  void git(long developer, LocalDate day, double[] values) {
    double[] g = sums(developer, day).git;
    for (int i = 0; i < g.length; i++) {
      g[i] += values[i];
    }
  }

  private Sums sums(long developer, LocalDate day) {
    return weeks.computeIfAbsent(new Key(developer, monday(day)), k -> new Sums());
  }

  /** The weeks with any row, in developer and week order. */
  List<DeveloperWeek> weeks() {
    List<DeveloperWeek> out = new ArrayList<>(weeks.size());
    weeks.forEach((k, s) -> out.add(new DeveloperWeek(k.developer(), k.week(), s.telemetry, s.activeSeconds / 3600.0,
        n(s, GitField.COMMITS), n(s, GitField.LINES_ADDED), n(s, GitField.REWORKED_LINES), n(s, GitField.DEFECT_COMMITS),
        n(s, GitField.AI_COMMITS), n(s, GitField.AI_LINES_ADDED), n(s, GitField.AI_REWORKED_LINES),
        n(s, GitField.AI_DEFECT_COMMITS))));
    return out;
  }

  private static long n(Sums s, GitField f) {
    return Math.round(s.git[f.ordinal()]);
  }
}
