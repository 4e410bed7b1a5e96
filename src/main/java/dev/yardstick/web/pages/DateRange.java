package dev.yardstick.web.pages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Pure: the dashboard's window from its GET form (preset 7, 30, 90, quarter or custom with from and to) and the
 * previous period of the same length, which ends the day before it starts.
 */
public record DateRange(String preset, LocalDate from, LocalDate to) {
  public static final List<String> PRESETS = List.of("7", "30", "90", "quarter", "custom");
  static final String DEFAULT = "30";

  /** Throws IllegalArgumentException naming the parameter and what it accepts. */
  public static DateRange parse(String preset, String from, String to, LocalDate today) {
    String p = preset == null || preset.isBlank() ? (blank(from) && blank(to) ? DEFAULT : "custom") : preset.trim();
    return switch (p) {
      case "7", "30", "90" -> new DateRange(p, today.minusDays(Integer.parseInt(p) - 1L), today);
      case "quarter" -> new DateRange(p, today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1), today);
      case "custom" -> custom(from, to, today);
      default -> throw new IllegalArgumentException("range must be one of " + String.join(", ", PRESETS) + " (got \""
          + p.substring(0, Math.min(20, p.length())) + "\")");
    };
  }

  private static DateRange custom(String from, String to, LocalDate today) {
    LocalDate t = blank(to) ? today : date("to", to);
    LocalDate f = blank(from) ? t.minusDays(29) : date("from", from);
    if (t.isBefore(f)) {
      throw new IllegalArgumentException("to (" + t + ") is before from (" + f + ")");
    }
    return new DateRange("custom", f, t);
  }

  private static LocalDate date(String name, String v) {
    try {
      return LocalDate.parse(v.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD (got \"" + v.substring(0, Math.min(20, v.length())) + "\")");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length just before this one. */
  public DateRange previous() {
    return new DateRange(preset, from.minusDays(days()), from.minusDays(1));
  }

  /** The query string that asks for this window again (links keep the window). */
  public String query() {
    return preset.equals("custom") ? "range=custom&from=" + from + "&to=" + to : "range=" + preset;
  }
}
