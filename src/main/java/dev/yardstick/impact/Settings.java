package dev.yardstick.impact;

/**
 * Thresholds, minimums and the interval's resampling (docs/METRICS.md "Effect on delivery"). Absolute thresholds on
 * active time, so "high" means the same amount of Claude Code for everyone; the gap between them keeps the two sides
 * clearly apart.
 *
 * @param lowBelowHours a telemetry week with less active time than this (including none) is low-AI
 * @param highFromHours a telemetry week with at least this much active time is high-AI
 * @param adoptionWindowWeeks before/after adoption compares the weeks at most this far from the adoption week, so a
 *     drift over years (projects, code base, team) weighs less than the change at adoption
 * @param minWeeksPerSide a developer counts in a weekly comparison with at least this many weeks on each side
 * @param minCommitsPerSide a developer counts in the AI co-authored split with at least this many commits on each side
 * @param minDevelopers a comparison is reported over at least this many counted developers, else "not enough data"
 * @param resamples bootstrap resamples over developers
 * @param seed the bootstrap's seed: the same data and seed give the same interval
 */
public record Settings(double lowBelowHours, double highFromHours, int adoptionWindowWeeks, int minWeeksPerSide, int minCommitsPerSide,
    int minDevelopers, int resamples, long seed) {

  public static final Settings DEFAULT = new Settings(0.5, 2.0, 12, 4, 5, 5, 2_000, 18L);

  public Settings {
    if (!(lowBelowHours > 0) || !(highFromHours >= lowBelowHours)) {
      throw new IllegalArgumentException("need 0 < lowBelowHours <= highFromHours");
    }
    if (adoptionWindowWeeks < 1 || minWeeksPerSide < 1 || minCommitsPerSide < 1 || minDevelopers < 2 || resamples < 100) {
      throw new IllegalArgumentException("window and minimums must be >= 1, minDevelopers >= 2, resamples >= 100");
    }
  }

  public Settings withSeed(long s) {
    return new Settings(lowBelowHours, highFromHours, adoptionWindowWeeks, minWeeksPerSide, minCommitsPerSide, minDevelopers, resamples, s);
  }

  public Settings withResamples(int r) {
    return new Settings(lowBelowHours, highFromHours, adoptionWindowWeeks, minWeeksPerSide, minCommitsPerSide, minDevelopers, r, seed);
  }

  public Settings withMinDevelopers(int m) {
    return new Settings(lowBelowHours, highFromHours, adoptionWindowWeeks, minWeeksPerSide, minCommitsPerSide, m, resamples, seed);
  }
}
