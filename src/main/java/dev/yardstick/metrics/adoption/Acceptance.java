package dev.yardstick.metrics.adoption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Pure: edit decisions by tool, language and decision source, as counts and acceptance rates (docs/METRICS.md). */
public final class Acceptance {
  /** The tools Claude Code reports decisions for; always listed, so that a tool nobody used reads 0 and not missing. */
  public static final List<String> TOOLS = List.of("Edit", "MultiEdit", "Write", "NotebookEdit");
  /** The key of decisions whose source did not say (the Admin API has tools only). */
  public static final String NOT_REPORTED = "(not reported)";

  private Acceptance() {}

  /** Decisions and accepted ÷ (accepted + rejected), 0 to 1 to four places, null without decisions. */
  public record Rate(long accepted, long rejected, Double rate) {}

  public record Result(Rate all, Map<String, Rate> byTool, Map<String, Rate> byLanguage, Map<String, Rate> bySource) {}

  public static Result of(List<DecisionRow> rows) {
    double[] all = new double[2];
    rows.forEach(r -> add(all, r));
    Map<String, Rate> tools = new LinkedHashMap<>();
    TOOLS.forEach(t -> tools.put(t, rate(new double[2])));
    tools.putAll(by(rows, r -> tool(r.tool())));
    return new Result(rate(all), tools, by(rows, DecisionRow::language), by(rows, r -> sourceClass(r.source())));
  }

  /** Claude Code's tool name for an Admin API tool_actions key (edit_tool is Edit); other names as they are. */
  public static String tool(String name) {
    return switch (name == null ? "" : name) {
      case "edit_tool" -> "Edit";
      case "multi_edit_tool" -> "MultiEdit";
      case "write_tool" -> "Write";
      case "notebook_edit_tool" -> "NotebookEdit";
      case "" -> NOT_REPORTED;
      default -> name;
    };
  }

  /** user_permanent, user_temporary, user_abort and user_reject are the user's; config and hook are kept; null is not reported. */
  public static String sourceClass(String source) {
    if (source == null) {
      return NOT_REPORTED;
    }
    return source.startsWith("user") ? "user" : source.equals("config") || source.equals("hook") ? source : "other";
  }

  private static Map<String, Rate> by(List<DecisionRow> rows, Function<DecisionRow, String> key) {
    Map<String, double[]> sums = new TreeMap<>();
    for (DecisionRow r : rows) {
      String k = key.apply(r);
      add(sums.computeIfAbsent(k == null ? NOT_REPORTED : k, x -> new double[2]), r);
    }
    Map<String, Rate> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, rate(v)));
    return out;
  }

  private static void add(double[] sums, DecisionRow r) {
    sums[0] += r.accepted();
    sums[1] += r.rejected();
  }

  private static Rate rate(double[] v) {
    long accepted = Math.round(v[0]);
    long rejected = Math.round(v[1]);
    return new Rate(accepted, rejected, Round.ratio(accepted, accepted + rejected, 1e4));
  }
}
