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
   * Resampled means are spread around the mean by sqrt(n / (n - 1)) * t(n - 1) / z: the plain percentile interval is
   * the plug-in spread with normal quantiles, too narrow for the few developers of a team (it covered 88% at 5); this
   * "expanded percentile" interval (Hesterberg 2015) keeps the bootstrap's shape with Student's small-sample width.
   */
  static Interval mean(double[] values, int resamples, long seed) {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("need at least two values, got " + n);
    }
    double estimate = mean(values);
    double widen = Math.sqrt(n / (n - 1.0)) * t975(n - 1) / Z975;
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

  static final double Z975 = 1.959963984540054;

  // Student's t 97.5% quantiles for 1 to 30 degrees of freedom (standard tables)
  private static final double[] T975 = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624,
      2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
      2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230,
      2.042272};

  /** Student's t 97.5% quantile: the table up to 30, then the Cornish-Fisher series in 1/df (error below 1e-6). */
  static double t975(int df) {
    if (df <= T975.length) {
      return T975[df - 1];
    }
    double z = Z975;
    double v = df;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    double z9 = z7 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
        + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
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

    private long spare;
    private boolean hasSpare;

    /**
     * Uniform in [0, bound) by Lemire's multiply-shift on 32 random bits (bias below 2^-32 per draw for small bounds);
     * each 64-bit output gives two draws, upper half first, which halves the cost of a resample.
     */
    int nextInt(int bound) {
      long bits;
      if (hasSpare) {
        bits = spare & 0xFFFFFFFFL;
        hasSpare = false;
      } else {
        spare = nextLong();
        bits = spare >>> 32;
        hasSpare = true;
      }
      return (int) ((bits * bound) >>> 32);
    }
  }
}
