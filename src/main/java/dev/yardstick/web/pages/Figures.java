package dev.yardstick.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Pure: how a page writes a report figure and its change against the previous period; unknown is "no data", never 0. */
public final class Figures {
  public static final String NO_DATA = "no data";

  private Figures() {}

  public enum Kind { COUNT, PERCENT, USD, SECONDS, RATE }

  /** The figure as shown; a RATE (0 to 1) is shown as a percentage. */
  public static String show(Number v, Kind kind) {
    return v == null ? NO_DATA : format(v.doubleValue(), kind, " %");
  }

  /** The change from {@code before} to {@code now}: percentages in points; null when either is unknown. */
  public static String change(Number now, Number before, Kind kind) {
    if (now == null || before == null) {
      return null;
    }
    double diff = now.doubleValue() - before.doubleValue();
    String sign = diff > 0 ? "+" : diff < 0 ? "\u2212" : "\u00b1";
    return sign + format(Math.abs(diff), kind, " pp");
  }

  /** A number of its kind; percentages (and rates, × 100) with {@code percentUnit}. */
  private static String format(double d, Kind kind, String percentUnit) {
    return switch (kind) {
      case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(d));
      case PERCENT -> plain(d, 2) + percentUnit;
      case RATE -> plain(d * 100, 2) + percentUnit;
      case USD -> "$" + String.format(Locale.ROOT, "%,.2f", d);
      case SECONDS -> duration(Math.round(d));
    };
  }

  /** accepted ÷ (accepted + rejected) × 100, rounded to 2 decimals; null without any decision. */
  public static Double acceptancePercent(Long accepted, Long rejected) {
    long a = accepted == null ? 0 : accepted;
    long r = rejected == null ? 0 : rejected;
    return a + r == 0 ? null : BigDecimal.valueOf(100.0 * a / (a + r)).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  private static String plain(double d, int decimals) {
    return BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static String duration(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    return h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min" : seconds + " s";
  }
}
