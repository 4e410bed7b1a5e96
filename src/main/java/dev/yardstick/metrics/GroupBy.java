package dev.yardstick.metrics;

import java.util.Locale;

/** How report rows are keyed. */
public enum GroupBy {
  DEVELOPER,
  TEAM,
  DAY,
  WEEK,
  ORG,
  /** One row per model: tokens and cost (the rest null), from the per-model breakdowns. */
  MODEL,
  /** One row per edit tool: decisions accepted and rejected (the rest null), from the per-decision breakdowns. */
  TOOL;

  /** Parses the query parameter; throws IllegalArgumentException naming the accepted values. */
  public static GroupBy parse(String s) {
    if (s == null || s.isBlank()) {
      return ORG;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groupBy must be one of developer, team, day, week, org, model, tool (got \"" + s + "\")");
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Rows answered from the per-model and per-decision breakdowns rather than the day rows. */
  public boolean isBreakdown() {
    return this == MODEL || this == TOOL;
  }

  /** Rows that stand for a group of people, withheld when the group is too small. */
  boolean isGroup() {
    return this != DEVELOPER;
  }
}
