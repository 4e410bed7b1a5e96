package dev.yardstick.metrics;

import java.util.Locale;

/** How report rows are keyed. */
public enum GroupBy {
  DEVELOPER,
  DAY,
  WEEK,
  ORG;

  /** Parses the query parameter; throws IllegalArgumentException naming the accepted values. */
  public static GroupBy parse(String s) {
    if (s == null || s.isBlank()) {
      return ORG;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groupBy must be one of developer, day, week, org (got \"" + s + "\")");
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
