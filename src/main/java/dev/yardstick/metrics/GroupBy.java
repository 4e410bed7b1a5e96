package dev.yardstick.metrics;

import java.util.Locale;

/** How report rows are keyed. */
public enum GroupBy {
  DEVELOPER,
  TEAM,
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
      throw new IllegalArgumentException("groupBy must be one of developer, team, day, week, org (got \"" + s + "\")");
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Rows that stand for a group of people, withheld when the group is too small. */
  boolean isGroup() {
    return this != DEVELOPER;
  }
}
