package dev.yardstick.metrics.adoption;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Pure: intensity cohorts by active days per week, and how developers moved between two windows (docs/METRICS.md).
 * A developer's rate is their active days × 7 ÷ the days of the window on which they were known.
 */
public final class Cohorts {
  /** At or above this many active days per week (on average over the window) a developer is moderate... */
  public static final double MODERATE_DAYS_PER_WEEK = 2;
  /** ...and at or above this many, heavy; above 0 and below moderate, light; no active day, none. */
  public static final double HEAVY_DAYS_PER_WEEK = 4;

  private Cohorts() {}

  public enum Cohort { NONE, LIGHT, MODERATE, HEAVY }

  /**
   * How developers known in both windows moved: {@code moved.get(from).get(to)} developers went from one cohort to
   * the other (the diagonal stayed). {@code joined} were known only in the later window, {@code left} only in the
   * earlier one; they are in no cell.
   */
  public record Movement(Map<Cohort, Map<Cohort, Integer>> moved, int joined, int left) {}

  public static Cohort of(int activeDays, int knownDays) {
    if (activeDays <= 0 || knownDays <= 0) {
      return Cohort.NONE;
    }
    double perWeek = activeDays * 7.0 / knownDays;
    return perWeek >= HEAVY_DAYS_PER_WEEK ? Cohort.HEAVY : perWeek >= MODERATE_DAYS_PER_WEEK ? Cohort.MODERATE : Cohort.LIGHT;
  }

  /**
   * Each developer's cohort over {@code from..to}: every developer known on a day of the window (none when inactive),
   * and any developer with activity in it that the list does not name (known the whole window).
   */
  public static Map<Long, Cohort> of(Iterable<ActivityDay> activity, Iterable<KnownDeveloper> known, LocalDate from, LocalDate to) {
    Map<Long, Integer> knownDays = new HashMap<>();
    int windowDays = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    for (KnownDeveloper d : known) {
      int days = d.daysIn(from, to);
      if (days > 0) {
        knownDays.merge(d.id(), days, Math::max);
      }
    }
    Map<Long, Set<LocalDate>> activeDays = new HashMap<>();
    for (ActivityDay a : activity) {
      if (a.developer() != null && a.active() && !a.day().isBefore(from) && !a.day().isAfter(to)) {
        activeDays.computeIfAbsent(a.developer(), k -> new HashSet<>()).add(a.day());
        knownDays.putIfAbsent(a.developer(), windowDays);
      }
    }
    Map<Long, Cohort> out = new HashMap<>();
    knownDays.forEach((dev, days) -> {
      Set<LocalDate> act = activeDays.getOrDefault(dev, Set.of());
      out.put(dev, of(act.size(), Math.max(days, act.size()))); // activity outside the known days still counts
    });
    return out;
  }

  /** How many developers are in each cohort (every cohort present, 0 when empty). */
  public static Map<Cohort, Integer> counts(Map<Long, Cohort> cohorts) {
    Map<Cohort, Integer> out = empty();
    cohorts.values().forEach(c -> out.merge(c, 1, Integer::sum));
    return out;
  }

  public static Movement movement(Map<Long, Cohort> before, Map<Long, Cohort> after) {
    Map<Cohort, Map<Cohort, Integer>> moved = new EnumMap<>(Cohort.class);
    for (Cohort c : Cohort.values()) {
      moved.put(c, empty());
    }
    int left = 0;
    for (Map.Entry<Long, Cohort> e : before.entrySet()) {
      Cohort then = after.get(e.getKey());
      if (then == null) {
        left++;
      } else {
        moved.get(e.getValue()).merge(then, 1, Integer::sum);
      }
    }
    int joined = (int) after.keySet().stream().filter(d -> !before.containsKey(d)).count();
    return new Movement(moved, joined, left);
  }

  private static Map<Cohort, Integer> empty() {
    Map<Cohort, Integer> m = new EnumMap<>(Cohort.class);
    for (Cohort c : Cohort.values()) {
      m.put(c, 0);
    }
    return m;
  }
}
