package dev.yardstick.impact;

import java.util.Arrays;

/**
 * Pure: a 95% percentile bootstrap interval for the mean of per-developer values, resampling developers (the unit that
 * varies), seeded so that the same values and seed always give the same interval.
 */
final class Bootstrap {
  static final double LEVEL = 0.95;

  private Bootstrap() {}

  record Interval(double estimate, double low, double high) {}

  /**
   * Resampled means are spread by sqrt(n / (n - 1)) around the mean: the bootstrap's spread is the plug-in one, which
   * is too narrow for the few developers of a team (Hesterberg's small-sample fix, without t quantiles).
   */
  static Interval mean(double[] values, int resamples, long seed) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("need at least two values, got " + n);
    }
    double estimate = mean(values);
    double widen = Math.sqrt(n / (n - 1.0));
    double[] means = new double[resamples];
    SplitMix rng = new SplitMix(seed);
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[rng.nextInt(n)];
      }
      means[b] = estimate + (sum / n - estimate) * widen;
    }
    Arrays.sort(means);
    double tail = (1 - LEVEL) / 2;
    return new Interval(estimate, quantile(means, tail), quantile(means, 1 - tail));
  }

  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  /** Linear interpolation between order statistics (R's type 7) over a sorted array. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** SplitMix64, written out here so the sequence for a seed never depends on the JDK's choice of generator. */
  static final class SplitMix {
    private long state;

    SplitMix(long seed) {
      state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound) by Lemire's multiply-shift on the top 32 bits (bias below 2^-32 per draw for small n). */
    int nextInt(int bound) {
      return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }
  }
}
