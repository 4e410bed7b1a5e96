package dev.yardstick.impact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure: which side each developer-week falls on. Weeks in which the developer neither committed nor used Claude Code
 * are absences (holidays, leave) and fall on no side; weeks without telemetry never count as AI or non-AI weeks.
 */
final class Classify {
  private Classify() {}

  /** A: telemetry weeks with at least the high threshold of active time; B: below the low one. Between: neither. */
  static List<Side.Pair> highVsLow(Map<Long, List<DeveloperWeek>> byDev, Settings s) {
    List<Side.Pair> pairs = new ArrayList<>();
    for (List<DeveloperWeek> weeks : byDev.values()) {
      Side high = new Side();
      Side low = new Side();
      for (DeveloperWeek w : weeks) {
        if (!w.present() || !w.telemetry()) {
          continue;
        }
        if (w.aiActiveHours() >= s.highFromHours()) {
          high.add(w);
        } else if (w.aiActiveHours() < s.lowBelowHours()) {
          low.add(w);
        }
      }
      pairs.add(new Side.Pair(high, low));
    }
    return pairs;
  }

  /**
   * A: present weeks after the developer's adoption week, B: present weeks before it (with or without telemetry), each
   * at most the window away. The adoption week itself is left out: it is part before, part after.
   */
  static List<Side.Pair> afterVsBefore(Map<Long, List<DeveloperWeek>> byDev, Map<Long, LocalDate> adoptionWeeks,
      Settings s) {
    List<Side.Pair> pairs = new ArrayList<>();
    for (var dev : byDev.entrySet()) {
      LocalDate adoption = adoptionWeeks.get(dev.getKey());
      if (adoption == null) {
        continue;
      }
      if (adoption.getDayOfWeek() != DayOfWeek.MONDAY) {
        throw new IllegalArgumentException("adoption week must be a Monday: " + adoption);
      }
      Side after = new Side();
      Side before = new Side();
      for (DeveloperWeek w : dev.getValue()) {
        long away = ChronoUnit.WEEKS.between(adoption, w.week());
        if (!w.present() || away == 0 || Math.abs(away) > s.adoptionWindowWeeks()) {
          continue;
        }
        (away > 0 ? after : before).add(w);
      }
      pairs.add(new Side.Pair(after, before));
    }
    return pairs;
  }

  /** A: the developer's AI co-authored commits over all weeks; B: their other commits. */
  static List<Side.Pair> aiCoAuthored(Map<Long, List<DeveloperWeek>> byDev) {
    List<Side.Pair> pairs = new ArrayList<>();
    for (List<DeveloperWeek> weeks : byDev.values()) {
      Side ai = new Side();
      Side other = new Side();
      for (DeveloperWeek w : weeks) {
        ai.addAiCoAuthored(w);
        other.addOther(w);
      }
      pairs.add(new Side.Pair(ai, other));
    }
    return pairs;
  }
}
