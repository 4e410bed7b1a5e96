package dev.yardstick.metrics;

import java.util.Locale;

/** How report rows are keyed. */
public enum GroupBy {
  DEVELOPER,
  TEAM,
  DAY,
  WEEK,
  /** Calendar months of the organization's days. */
  MONTH,
  /** Followed repositories: git fields only (usage has no repository). */
  REPOSITORY,
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
      throw new IllegalArgumentException("groupBy must be one of " + accepted() + " (got \"" + s + "\")");
    }
  }

  /** The accepted values, lower case, comma separated. */
  static String accepted() {
    return java.util.Arrays.stream(values()).map(GroupBy::wire).collect(java.util.stream.Collectors.joining(", "));
  }

  /** Rows keyed by a period of the window. */
  boolean isPeriod() {
    return this == DAY || this == WEEK || this == MONTH;
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
