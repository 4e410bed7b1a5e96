package dev.yardstick.metrics;

import dev.yardstick.metrics.adoption.Adoption.PeriodAdoption;
import java.time.LocalDate;
import java.util.List;

/** The answers of the adoption, acceptance and spend endpoints: one row type each, the same rows in JSON and CSV. */
public final class BreakdownAnswers {
  private BreakdownAnswers() {}

  /**
   * @param dimension "period", "cohort" (developers in the cohort in the window and in the previous window) or
   *     "movement" (key "light->heavy", "joined", "left": developers that moved so)
   * @param withheld true when the figures are withheld for this viewer (too few developers)
   */
  public record AdoptionRow(String dimension, String key, Integer developers, Integer previousDevelopers, Boolean withheld,
      PeriodAdoption period) {}

  /** @param dimension "all", "tool", "language" or "source" */
  public record AcceptanceRow(String dimension, String key, Integer developers, Boolean withheld, Long accepted,
      Long rejected, Double rate) {}

  /**
   * @param dimension "org", "model", "developer", "team", or "unit" (key total, perActiveDeveloper, perCommit,
   *     perAcceptedAiLine, perAiCoAuthoredCommit: costUsd is the cost per unit, units the denominator)
   */
  public record SpendRow(String dimension, String key, Integer developers, Boolean withheld, Tokens tokens, Double costUsd,
      Long units) {}

  public record Tokens(long input, long output, long cacheRead, long cacheCreation) {}

  /** The window (widened to whole weeks for viewers who may not see everyone in it), the team, and the rows. */
  public record Answer<T>(LocalDate from, LocalDate to, String team, String interval, List<T> rows) {}
}
