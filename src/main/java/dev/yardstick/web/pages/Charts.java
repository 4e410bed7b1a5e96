package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.metrics.ReportRow;
import java.util.List;

/** Inline SVG charts (no script, no external files): weekly committed lines with the accepted AI lines beside them. */
final class Charts {
  private static final int W = 960;
  private static final int H = 220;
  private static final int PAD = 36;

  private Charts() {}

  /** Per week: committed lines (grey) and accepted AI lines (blue) as bars; AI co-authored commits as a label. */
  static String weeklyLines(List<ReportRow> weeks) {
    double max = 1;
    for (ReportRow w : weeks) {
      max = Math.max(max, Math.max(nz(w.committedLinesAdded()), nz(w.aiLinesAdded())));
    }
    double slot = (W - 2.0 * PAD) / Math.max(1, weeks.size());
    double bar = Math.max(2, slot * 0.35);
    StringBuilder s = new StringBuilder("<svg id=\"weekly-chart\" role=\"img\" viewBox=\"0 0 " + W + " " + H
        + "\" width=\"100%\" aria-label=\"Committed lines and accepted AI lines per week\">");
    s.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - PAD).append("\" y2=\"")
        .append(H - PAD).append("\" stroke=\"#c9ced6\"/>");
    s.append("<text x=\"").append(PAD).append("\" y=\"14\" font-size=\"12\" fill=\"#6b7480\">max ").append(Math.round(max))
        .append(" lines</text>");
    for (int i = 0; i < weeks.size(); i++) {
      ReportRow w = weeks.get(i);
      double x = PAD + i * slot + slot * 0.1;
      s.append(rect(x, nz(w.committedLinesAdded()) / max, bar, "#9aa4b2", "committed " + w.key() + ": " + label(w.committedLinesAdded())));
      s.append(rect(x + bar + 1, nz(w.aiLinesAdded()) / max, bar, "#2f6fdf", "AI lines " + w.key() + ": " + label(w.aiLinesAdded())));
      s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - PAD + 14).append("\" font-size=\"11\" fill=\"#6b7480\">")
          .append(esc(w.key().substring(5))).append("</text>");
    }
    s.append("<text x=\"").append(W - 300).append("\" y=\"14\" font-size=\"12\"><tspan fill=\"#9aa4b2\">■ committed lines</tspan>")
        .append("  <tspan fill=\"#2f6fdf\">■ accepted AI lines</tspan></text></svg>");
    return s.toString();
  }

  private static String rect(double x, double share, double width, String color, String title) {
    double h = Math.max(0, share * (H - 2 * PAD));
    return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(H - PAD - h) + "\" width=\"" + fmt(width) + "\" height=\"" + fmt(h)
        + "\" fill=\"" + color + "\"><title>" + esc(title) + "</title></rect>";
  }

  private static double nz(Long v) {
    return v == null ? 0 : v;
  }

  private static String label(Long v) {
    return v == null ? "unknown" : v.toString();
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
