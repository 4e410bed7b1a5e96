package dev.yardstick.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.AdoptionRow;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.metrics.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's charts as ECharts options (drawn by yardstick.js from data-chart), or, when there is nothing to draw,
 * what to connect next. An unknown figure is null, a gap, never a zero.
 */
public final class DashboardCharts {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** @param option the ECharts option as JSON, or null with {@code empty} saying what is missing and where to fix it */
  public record Chart(String id, String title, String definition, String option, String empty, String emptyHref, String emptyLink) {
    public boolean drawn() {
      return option != null;
    }
  }

  private DashboardCharts() {}

  static List<Chart> of(DashboardData d) {
    ReportRow now = d.now().rows().getFirst();
    boolean withheld = Boolean.TRUE.equals(now.withheld());
    boolean noUsage = now.sessions() == null && now.costUsd() == null;
    boolean noCommits = now.commits() == null;
    List<Chart> out = new ArrayList<>();
    out.add(usage(d, withheld, noUsage, noCommits));
    if (d.breakdownsRefused() == null) {
      out.add(activeUsers(d, withheld, noUsage));
      out.add(costByModel(d, withheld, noUsage));
      out.add(acceptanceByTool(d, withheld, noUsage));
    } else {
      String why = "Not shown to you: " + d.breakdownsRefused() + ".";
      out.add(new Chart("chart-active-users", "Active AI users by week", Definitions.ACTIVE_USERS, null, why, null, null));
      out.add(new Chart("chart-cost-by-model", "Cost by model (US dollars)", Definitions.COST, null, why, null, null));
      out.add(new Chart("chart-acceptance-by-tool", "Acceptance rate by tool (%)", Definitions.ACCEPTANCE, null, why, null, null));
    }
    out.add(output(d, withheld, noCommits));
    return out;
  }

  private static Chart usage(DashboardData d, boolean withheld, boolean noUsage, boolean noCommits) {
    String id = "chart-ai-usage";
    String title = "AI usage % by week, with coverage";
    List<Series.Point> usage = d.usage().series().getFirst().points();
    if (withheld || noUsage || noCommits || usage.stream().allMatch(p -> p.value() == null)) {
      return empty(id, title, Definitions.AI_USAGE, withheld, noUsage, noCommits);
    }
    ObjectNode o = base(usage.stream().map(Series.Point::period).toList());
    ArrayNode y = o.putArray("yAxis");
    y.addObject().put("type", "value").put("min", 0).put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
    y.addObject().put("type", "value").put("minInterval", 1).putObject("splitLine").put("show", false);
    line(o, "AI usage %", usage.stream().map(Series.Point::value).toList(), 0, "#2f6fdf");
    bar(o, "developers with both", d.coverage().series().getFirst().points().stream().map(Series.Point::value).toList(), 1,
        "#c5cedb");
    return chart(id, title, Definitions.AI_USAGE + " " + Definitions.COVERAGE, o);
  }

  private static Chart activeUsers(DashboardData d, boolean withheld, boolean noUsage) {
    String id = "chart-active-users";
    String title = "Active AI users by week";
    List<AdoptionRow> periods = d.adoption().rows().stream().filter(r -> r.dimension().equals("period")).toList();
    boolean someWithheld = periods.stream().anyMatch(r -> Boolean.TRUE.equals(r.withheld()));
    if (withheld || noUsage || periods.isEmpty() || someWithheld) {
      return empty(id, title, Definitions.ACTIVE_USERS, withheld || someWithheld, noUsage, false);
    }
    ObjectNode o = base(periods.stream().map(r -> r.period().period()).toList());
    o.putObject("yAxis").put("type", "value").put("minInterval", 1);
    bar(o, "active AI users", periods.stream().map(r -> (Number) r.period().activeUsers()).toList(), 0, "#2f6fdf");
    line(o, "known developers", periods.stream().map(r -> (Number) r.period().knownDevelopers()).toList(), 0, "#7a8594");
    return chart(id, title, Definitions.ACTIVE_USERS, o);
  }

  private static Chart costByModel(DashboardData d, boolean withheld, boolean noUsage) {
    String id = "chart-cost-by-model";
    String title = "Cost by model (US dollars)";
    List<SpendRow> models = d.spend().rows().stream().filter(r -> r.dimension().equals("model") && r.costUsd() != null).toList();
    if (withheld || noUsage || models.isEmpty()) {
      return empty(id, title, Definitions.COST, withheld, true, false);
    }
    ObjectNode o = base(models.stream().map(SpendRow::key).toList());
    o.putObject("yAxis").put("type", "value");
    bar(o, "cost (USD)", models.stream().map(r -> (Number) r.costUsd()).toList(), 0, "#2f6fdf");
    return chart(id, title, Definitions.COST, o);
  }

  private static Chart acceptanceByTool(DashboardData d, boolean withheld, boolean noUsage) {
    String id = "chart-acceptance-by-tool";
    String title = "Acceptance rate by tool (%)";
    List<AcceptanceRow> tools = d.acceptance().rows().stream().filter(r -> r.dimension().equals("tool")).toList();
    if (withheld || noUsage || tools.stream().allMatch(r -> r.rate() == null)) {
      return empty(id, title, Definitions.ACCEPTANCE, withheld, true, false);
    }
    ObjectNode o = base(tools.stream().map(AcceptanceRow::key).toList());
    o.putObject("yAxis").put("type", "value").put("min", 0).put("max", 100);
    bar(o, "acceptance %", tools.stream().map(r -> r.rate() == null ? null : (Number) (Math.round(r.rate() * 1000) / 10.0)).toList(),
        0, "#2f6fdf");
    return chart(id, title, Definitions.ACCEPTANCE, o);
  }

  private static Chart output(DashboardData d, boolean withheld, boolean noCommits) {
    String id = "chart-output";
    String title = "Output per developer-week";
    List<Series.Point> commits = d.commits().series().getFirst().points();
    List<Series.Point> lines = d.lines().series().getFirst().points();
    List<Series.Point> committers = d.committers().series().getFirst().points();
    if (withheld || noCommits) {
      return empty(id, title, Definitions.OUTPUT_PER_WEEK, withheld, false, true);
    }
    List<Number> perDevCommits = new ArrayList<>();
    List<Number> perDevLines = new ArrayList<>();
    for (int i = 0; i < committers.size(); i++) {
      Number n = committers.get(i).value();
      boolean none = n == null || n.doubleValue() == 0;
      perDevCommits.add(none || commits.get(i).value() == null ? null : round(commits.get(i).value().doubleValue() / n.doubleValue()));
      perDevLines.add(none || lines.get(i).value() == null ? null : round(lines.get(i).value().doubleValue() / n.doubleValue()));
    }
    ObjectNode o = base(committers.stream().map(Series.Point::period).toList());
    ArrayNode y = o.putArray("yAxis");
    y.addObject().put("type", "value");
    y.addObject().put("type", "value").putObject("splitLine").put("show", false);
    bar(o, "commits per developer-week", perDevCommits, 0, "#2f6fdf");
    line(o, "lines per developer-week", perDevLines, 1, "#7a8594");
    return chart(id, title, Definitions.OUTPUT_PER_WEEK, o);
  }

  private static Number round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static ObjectNode base(List<String> categories) {
    ObjectNode o = JSON.createObjectNode();
    o.putObject("legend").put("top", 0);
    o.putObject("grid").put("left", 48).put("right", 48).put("top", 40).put("bottom", 28).put("containLabel", true);
    ArrayNode x = o.putObject("xAxis").put("type", "category").putArray("data");
    categories.forEach(x::add);
    return o;
  }

  private static void line(ObjectNode o, String name, List<Number> values, int axis, String color) {
    series(o, name, "line", values, axis, color).put("connectNulls", false);
  }

  private static void bar(ObjectNode o, String name, List<Number> values, int axis, String color) {
    series(o, name, "bar", values, axis, color);
  }

  private static ObjectNode series(ObjectNode o, String name, String type, List<Number> values, int axis, String color) {
    ArrayNode all = o.has("series") ? (ArrayNode) o.get("series") : o.putArray("series");
    ObjectNode s = all.addObject().put("name", name).put("type", type).put("color", color).put("yAxisIndex", axis);
    ArrayNode data = s.putArray("data");
    values.forEach(v -> data.add(JSON.valueToTree(v)));
    return s;
  }

  static Chart chart(String id, String title, String definition, ObjectNode option) {
    return new Chart(id, title, definition, option.toString(), null, null, null);
  }

  /** What to connect next for a chart with nothing to draw. */
  static Chart empty(String id, String title, String definition, boolean withheld, boolean noUsage, boolean noCommits) {
    if (withheld) {
      return new Chart(id, title, definition, null, "Withheld: fewer developers than the minimum group size.", null, null);
    }
    if (noUsage) {
      return new Chart(id, title, definition, null, "No Claude Code usage in this window yet.", "/integrations/claude-code",
          "Connect Claude Code");
    }
    if (noCommits) {
      return new Chart(id, title, definition, null, "No commits in this window yet.", "/repositories", "Follow a repository");
    }
    return new Chart(id, title, definition, null, "Nothing to draw in this window.", null, null);
  }
}
