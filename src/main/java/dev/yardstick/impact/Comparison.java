package dev.yardstick.impact;

/**
 * One pooled comparison, side A (high-AI weeks, weeks after adoption, AI co-authored commits) against side B (low-AI
 * weeks, weeks before, other commits). Either an estimate with its 95% interval, or {@code notEnoughData} with the
 * reason and no figure. Sample sizes are given either way: they say how many, never how much.
 *
 * @param estimate output measures: lift of A over B in % (geometric mean over developers of A's mean ÷ B's mean, minus
 *     1); rework: A − B in percentage points; defect rate: A − B as a rate (0 to 1 scale)
 * @param nWeeksA weeks on side A over the counted developers; null for the co-authored split (it counts commits)
 * @param nCommitsA commits on side A over the counted developers
 */
public record Comparison(Double estimate, Double low, Double high, int nDevelopers, Long nWeeksA, Long nWeeksB,
    long nCommitsA, long nCommitsB, String notEnoughData) {

  static Comparison of(Bootstrap.Interval i, Sample s) {
    return new Comparison(i.estimate(), i.low(), i.high(), s.developers(), s.weeksA(), s.weeksB(), s.commitsA(),
        s.commitsB(), null);
  }

  static Comparison notEnough(Sample s, String reason) {
    return new Comparison(null, null, null, s.developers(), s.weeksA(), s.weeksB(), s.commitsA(), s.commitsB(), reason);
  }

  /** The counted developers of one measure: their per-developer values (in developer order) and side sizes. */
  record Sample(double[] values, int developers, Long weeksA, Long weeksB, long commitsA, long commitsB) {}
}
