package dev.yardstick.metrics;

import dev.yardstick.impact.Comparison;
import dev.yardstick.impact.Impact;

/**
 * Pure: the minimum group size on the impact comparisons, for viewers who may not see the developers in them
 * individually. A comparison pooled over fewer developers than the minimum loses its figures (the sample sizes stay:
 * they say how many, never how much).
 */
final class Withholding {
  private Withholding() {}

  static Impact.Report apply(Impact.Report r, int minGroupSize) {
    return new Impact.Report(delivery(r.highVsLowAi(), minGroupSize), delivery(r.afterVsBeforeAdoption(), minGroupSize),
        new Impact.Split(one(r.aiCoAuthoredVsOther().reworkPercent(), minGroupSize),
            one(r.aiCoAuthoredVsOther().defectRate(), minGroupSize)));
  }

  private static Impact.Delivery delivery(Impact.Delivery d, int min) {
    return new Impact.Delivery(one(d.commitsPerWeek(), min), one(d.linesPerWeek(), min), one(d.reworkPercent(), min),
        one(d.defectRate(), min));
  }

  static Comparison one(Comparison c, int min) {
    if (c.notEnoughData() != null || c.nDevelopers() >= min) {
      return c;
    }
    return new Comparison(null, null, null, c.nDevelopers(), c.nWeeksA(), c.nWeeksB(), c.nCommitsA(), c.nCommitsB(),
        "not enough data: " + c.nDevelopers() + " developers, fewer than the minimum group size of " + min
            + " for figures of people you may not see individually");
  }
}
