package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.metrics.ReportRow;
import java.util.List;

/**
 * Charts as ECharts options in a data-chart attribute, drawn by /assets/yardstick.js (no inline
 * script: the Content-Security-Policy forbids it). An unknown figure is null, a gap, never a zero.
 */
final class Charts {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String COMMITTED = "#7a8594";
  static final String AI = "#2f6fdf";

  private Charts() {}

  /** Per week: committed lines and accepted AI lines as bars side by side. */
  static String weeklyLines(List<ReportRow> weeks) {
    ObjectNode option = JSON.createObjectNode();
    option.putObject("legend").put("top", 0);
    option.putObject("grid").put("left", 48).put("right", 16).put("top", 36).put("bottom", 28);
    ArrayNode days = option.putObject("xAxis").put("type", "category").putArray("data");
    option.putObject("yAxis").put("type", "value"); // the legend names the unit: an axis name would meet it on a phone
    ArrayNode committed = series(option, "committed lines", COMMITTED);
    ArrayNode ai = series(option, "accepted AI lines", AI);
    for (ReportRow w : weeks) {
      days.add(w.key().substring(5));
      committed.add(JSON.valueToTree(w.committedLinesAdded()));
      ai.add(JSON.valueToTree(w.aiLinesAdded()));
    }
    return "<div id=\"weekly-chart\" class=\"chart\" role=\"img\" aria-label=\"Committed lines and accepted AI lines per week\""
        + " data-chart=\"" + esc(option.toString()) + "\"></div>";
  }

  private static ArrayNode series(ObjectNode option, String name, String color) {
    ArrayNode all = option.has("series") ? (ArrayNode) option.get("series") : option.putArray("series");
    ObjectNode s = all.addObject().put("name", name).put("type", "bar").put("color", color);
    return s.putArray("data");
  }
}
