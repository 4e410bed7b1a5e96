package dev.yardstick.web.pages;

import java.util.Locale;

/** How the dashboard writes numbers: an unknown figure is a dash, never a zero. */
final class Fmt {
  static final String UNKNOWN = "–";

  private Fmt() {}

  static String count(Number n) {
    return n == null ? UNKNOWN : String.format(Locale.ROOT, "%,d", n.longValue());
  }

  /** A percentage as the API rounds it (two decimals). */
  static String percent(Double p) {
    return p == null ? UNKNOWN : p + " %";
  }

  /** A 0 to 1 share as a percentage. */
  static String share(Double s) {
    return s == null ? UNKNOWN : String.format(Locale.ROOT, "%.1f %%", s * 100);
  }

  static String money(Double usd) {
    return usd == null ? UNKNOWN : String.format(Locale.ROOT, "$%,.2f", usd);
  }

  static String rate(Double r) {
    return r == null ? UNKNOWN : String.format(Locale.ROOT, "%.3f", r);
  }

  static String pair(String ai, String other) {
    return ai + " / " + other;
  }

  /** The change of a figure against the previous period, with the unit it is counted in. */
  static String change(Number now, Number before, String unit, int decimals) {
    if (now == null || before == null) {
      return "no figure to compare";
    }
    double d = now.doubleValue() - before.doubleValue();
    String sign = d > 0 ? "+" : d < 0 ? "−" : "±";
    return sign + String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(d)) + unit;
  }
}
