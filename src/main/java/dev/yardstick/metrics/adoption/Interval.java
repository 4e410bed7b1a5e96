package dev.yardstick.metrics.adoption;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Calendar periods of the organization's days: days, ISO weeks (Monday to Sunday) and calendar months. */
public enum Interval {
  DAY,
  WEEK,
  MONTH;

  /** Parses the query parameter; throws IllegalArgumentException naming the accepted values. */
  public static Interval parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("interval must be one of day, week, month (got \"" + s + "\")");
    }
  }

  /** The first day of the period that holds {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The last day of the period that starts on {@code start}. */
  public LocalDate end(LocalDate start) {
    return switch (this) {
      case DAY -> start;
      case WEEK -> start.plusDays(6);
      case MONTH -> start.plusMonths(1).minusDays(1);
    };
  }

  /** "2026-11-25", "2026-W48" (ISO week-based year: 2027-01-01 is in 2026-W53) or "2026-11". */
  public String key(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
          start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> start.toString().substring(0, 7);
    };
  }

  /** The periods that meet {@code from..to} (inclusive), each clipped to it; empty when {@code to} is before {@code from}. */
  public List<Period> periods(LocalDate from, LocalDate to) {
    List<Period> out = new ArrayList<>();
    for (LocalDate s = start(from); !s.isAfter(to); s = end(s).plusDays(1)) {
      LocalDate e = end(s);
      LocalDate a = s.isBefore(from) ? from : s;
      LocalDate b = e.isAfter(to) ? to : e;
      out.add(new Period(key(s), a, b, a.equals(s) && b.equals(e)));
    }
    return out;
  }

  /**
   * One period as a report shows it.
   *
   * @param from first day counted (the period's start, or the window's start when it begins inside the period)
   * @param to last day counted
   * @param whole whether every day of the calendar period is in the window
   */
  public record Period(String key, LocalDate from, LocalDate to, boolean whole) {
    public boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    public int days() {
      return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }
  }
}
