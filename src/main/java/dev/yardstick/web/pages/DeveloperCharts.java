package dev.yardstick.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.metrics.Series;
import java.util.List;
import java.util.Objects;

/**
 * Pure: the developer page's ECharts options (drawn by /assets/yardstick.js from data-chart), or null when the chart
 * would have no figure to draw, so that the page says what is missing instead. Unknown points are gaps, never zeros.
 */
final class DeveloperCharts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OTHER = "#7a8594";
  private static final String AI = "#2f6fdf";

  private DeveloperCharts() {}

  /** Per week: committed lines as bars, AI usage % as a line on its own axis. */
  static String usage(List<Series.Point> percent, List<Series.Point> committed) {
    if (empty(percent) && empty(committed)) {
      return null;
    }
    ObjectNode o = frame(percent);
    ArrayNode axes = o.putArray("yAxis");
    axes.addObject().put("type", "value").put("name", "lines");
    axes.addObject().put("type", "value").put("name", "%").put("min", 0).put("max", 100);
    values(series(o, "committed lines", "bar", OTHER), committed);
    values(series(o, "AI usage %", "line", AI).put("yAxisIndex", 1).put("connectNulls", false), percent);
    return o.toString();
  }

  /** Per week: commits and AI co-authored commits as bars side by side. */
  static String commits(List<Series.Point> commits, List<Series.Point> aiCoAuthored) {
    if (empty(commits)) {
      return null;
    }
    ObjectNode o = frame(commits);
    o.putObject("yAxis").put("type", "value").put("minInterval", 1);
    values(series(o, "commits", "bar", OTHER), commits);
    values(series(o, "AI co-authored commits", "bar", AI), aiCoAuthored);
    return o.toString();
  }

  /** The window's cost by model, largest first, as horizontal bars. */
  static String costByModel(List<ReportRow> models) {
    List<ReportRow> known = models.stream().filter(m -> m.costUsd() != null)
        .sorted((a, b) -> Double.compare(a.costUsd(), b.costUsd())).toList();
    if (known.isEmpty()) {
      return null;
    }
    ObjectNode o = JSON.createObjectNode();
    o.putObject("grid").put("left", 8).put("right", 24).put("top", 8).put("bottom", 24).put("containLabel", true);
    o.putObject("xAxis").put("type", "value").putObject("axisLabel").put("formatter", "${value}");
    ArrayNode names = o.putObject("yAxis").put("type", "category").putArray("data");
    ArrayNode data = series(o, "cost (USD)", "bar", AI).putArray("data");
    known.forEach(m -> {
      names.add(m.key());
      data.add(m.costUsd());
    });
    return o.toString();
  }

  private static ObjectNode frame(List<Series.Point> periods) {
    ObjectNode o = JSON.createObjectNode();
    o.putObject("legend").put("top", 0);
    o.putObject("grid").put("left", 8).put("right", 8).put("top", 40).put("bottom", 8).put("containLabel", true);
    ArrayNode weeks = o.putObject("xAxis").put("type", "category").putArray("data");
    periods.forEach(p -> weeks.add(p.from().substring(5)));
    return o;
  }

  private static ObjectNode series(ObjectNode option, String name, String type, String color) {
    ArrayNode all = option.has("series") ? (ArrayNode) option.get("series") : option.putArray("series");
    return all.addObject().put("name", name).put("type", type).put("color", color);
  }

  private static void values(ObjectNode series, List<Series.Point> points) {
    ArrayNode data = series.putArray("data");
    points.forEach(p -> data.add(JSON.valueToTree(p.value())));
  }

  private static boolean empty(List<Series.Point> points) {
    return points.stream().map(Series.Point::value).allMatch(Objects::isNull);
  }
}
