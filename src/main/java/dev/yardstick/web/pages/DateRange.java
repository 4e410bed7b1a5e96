package dev.yardstick.web.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The window a page shows, from its GET form (range=7d|30d|90d|quarter|custom, from, to: a shareable URL), and the
 * previous period of the same length just before it. Days inclusive, in the organization's time zone.
 */
public record DateRange(String preset, LocalDate from, LocalDate to) {
  public static final List<String> PRESETS = List.of("7d", "30d", "90d", "quarter", "custom");

  /** What the range picker calls a preset. */
  public static String label(String preset) {
    return switch (preset) {
      case "7d" -> "Last 7 days";
      case "30d" -> "Last 30 days";
      case "90d" -> "Last 90 days";
      case "quarter" -> "This quarter";
      default -> "Custom: from and to";
    };
  }
  static final String DEFAULT = "30d";

  /** Throws IllegalArgumentException naming the parameter and what it accepts. */
  public static DateRange parse(String range, String from, String to, LocalDate today) {
    String preset = range == null || range.isBlank() ? (from != null && !from.isBlank() ? "custom" : DEFAULT) : range.trim();
    return switch (preset) {
      case "7d" -> new DateRange(preset, today.minusDays(6), today);
      case "30d" -> new DateRange(preset, today.minusDays(29), today);
      case "90d" -> new DateRange(preset, today.minusDays(89), today);
      case "quarter" -> new DateRange(preset, today.with(IsoFields.DAY_OF_QUARTER, 1), today);
      case "custom" -> {
        LocalDate f = date("from", from);
        LocalDate t = to == null || to.isBlank() ? today : date("to", to);
        if (t.isBefore(f)) {
          throw new IllegalArgumentException("to (" + t + ") is before from (" + f + ")");
        }
        yield new DateRange(preset, f, t);
      }
      default -> throw new IllegalArgumentException("range must be one of " + String.join(", ", PRESETS) + " (got \""
          + preset.substring(0, Math.min(20, preset.length())) + "\")");
    };
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The same number of days just before this window. */
  public DateRange previous() {
    return new DateRange("custom", from.minusDays(days()), from.minusDays(1));
  }

  /** The query string of this window, for links that keep it. */
  public String query() {
    return "custom".equals(preset) ? "range=custom&from=" + from + "&to=" + to : "range=" + preset;
  }

  private static LocalDate date(String name, String text) {
    try {
      return LocalDate.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD (range=custom needs from)");
    }
  }
}
