package dev.yardstick.metrics.adoption;

/** Rounding of reported figures, and null for an unknown ratio. */
final class Round {
  private Round() {}

  /** Rounded to 1/scale; rint, not Math.round: a long would saturate long before a large sum does. */
  static double to(double v, double scale) {
    double r = Math.rint(v * scale) / scale;
    return Double.isFinite(r) ? r : v;
  }

  /** {@code n / d} rounded to 1/scale, or null when the denominator is unknown (null) or 0. */
  static Double ratio(double n, Number d, double scale) {
    return d == null || d.doubleValue() == 0 ? null : to(n / d.doubleValue(), scale);
  }
}
