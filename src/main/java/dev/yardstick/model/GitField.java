package dev.yardstick.model;

/** Daily git counters per author, as reports sum them (merges excluded everywhere). */
public enum GitField {
  COMMITS,
  LINES_ADDED,
  LINES_REMOVED,
  AI_COMMITS,
  AI_LINES_ADDED,
  REWORKED_LINES,
  AI_REWORKED_LINES,
  DEFECT_COMMITS,
  AI_DEFECT_COMMITS;

  public static int count() {
    return values().length;
  }
}
