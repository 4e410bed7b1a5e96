package dev.yardstick.web.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.impact.Comparison;
import dev.yardstick.impact.Impact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lift (highVsLowAi) and before/after comparisons of /api/v1/impact: each measure's estimate as a point inside its
 * 95 % interval drawn as a range bar, and "not enough data" written where the answer says so.
 */
public final class DashboardImpact {
  /** One measure of a comparison as written: the figure with its interval, or why there is none. */
  public record Measure(String name, String estimate, String interval, String counted, String notEnoughData) {}

  /** One measure of a comparison: its name, the unit its difference is written in, and the scale that puts it there. */
  private record Ask(String name, String unit, Comparison comparison, double scale) {}

  public record Block(String id, String title, String definition, DashboardCharts.Chart chart, List<Measure> measures) {}

  private DashboardImpact() {}

  static List<Block> of(Impact.Report r) {
    Impact.Split split = r.aiCoAuthoredVsOther();
    return List.of(comparison("lift", "High- against low-AI weeks (lift)", Definitions.LIFT, delivery(r.highVsLowAi())),
        comparison("before-after", "After against before adoption", Definitions.BEFORE_AFTER, delivery(r.afterVsBeforeAdoption())),
        comparison("split", "AI co-authored against other commits", Definitions.SPLIT, List.of(
            new Ask("Rework", " pp", split.reworkPercent(), 1.0),
            new Ask("Defect rate × 100", " pp", split.defectRate(), 100.0))));
  }

  // defect rate is on the 0 to 1 scale: × 100 puts its difference in points beside rework's
  private static List<Ask> delivery(Impact.Delivery d) {
    return List.of(new Ask("Commits per week", " %", d.commitsPerWeek(), 1.0), new Ask("Lines per week", " %", d.linesPerWeek(), 1.0),
        new Ask("Rework", " pp", d.reworkPercent(), 1.0), new Ask("Defect rate × 100", " pp", d.defectRate(), 100.0));
  }

  private static Block comparison(String id, String title, String definition, List<Ask> all) {
    List<Measure> measures = new ArrayList<>();
    ObjectNode o = DashboardCharts.base(all.stream().map(Ask::name).toList());
    o.putObject("yAxis").put("type", "value").put("scale", true);
    ArrayNode boxes = o.putArray("series").addObject().put("name", "95 % interval").put("type", "candlestick")
        .put("barMaxWidth", 18).putArray("data");
    ArrayNode points = ((ArrayNode) o.get("series")).addObject().put("name", "estimate").put("type", "scatter")
        .put("color", "#1d2430").put("symbolSize", 12).putArray("data");
    boolean any = false;
    for (Ask a : all) {
      Comparison c = a.comparison();
      double k = a.scale();
      String unit = a.unit();
      String counted = c.nDevelopers() + " developers, " + c.nCommitsA() + " / " + c.nCommitsB() + " commits"
          + (c.nWeeksA() == null ? "" : ", " + c.nWeeksA() + " / " + c.nWeeksB() + " weeks");
      if (c.estimate() == null) {
        measures.add(new Measure(a.name(), Figures.NO_DATA, Figures.NO_DATA, counted,
            c.notEnoughData() == null ? "not enough data" : c.notEnoughData()));
        boxes.add("-");
        points.add("-");
        continue;
      }
      any = true;
      double low = round(c.low() * k);
      double high = round(c.high() * k);
      boxes.addArray().add(low).add(high).add(low).add(high);
      points.add(round(c.estimate() * k));
      measures.add(new Measure(a.name(), signed(c.estimate() * k) + unit,
          signed(c.low() * k) + " to " + signed(c.high() * k) + unit, counted, null));
    }
    ObjectNode itemStyle = ((ObjectNode) o.get("series").get(0)).putObject("itemStyle");
    itemStyle.put("color", "#a9c4f5").put("color0", "#a9c4f5").put("borderColor", "#2f6fdf").put("borderColor0", "#2f6fdf");
    DashboardCharts.Chart chart = any ? DashboardCharts.chart("chart-" + id, title, definition, o)
        : new DashboardCharts.Chart("chart-" + id, title, definition, null,
            "Not enough data for this comparison in this window (see below).", null, null);
    return new Block(id, title, definition, chart, measures);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String signed(double v) {
    return (v > 0 ? "+" : v < 0 ? "−" : "") + String.format(Locale.ROOT, "%.1f", Math.abs(v));
  }
}
