package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Decision;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.ModelUse;
import dev.yardstick.demo.DemoOrg.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP/JSON metrics as Claude Code exports them (delta sums of doubles on meter com.anthropic.claude_code,
 * user.email and session.id on every point), one resource per developer-day, all points at {@code epochSecond}.
 */
final class OtlpExport {
  private final StringBuilder json = new StringBuilder("{\"resourceMetrics\":[");
  private int resources;

  void add(Developer d, Usage u, long epochSecond, String sessionPrefix) {
    String time = ",\"startTimeUnixNano\":\"" + (epochSecond - 300) + "000000000\",\"timeUnixNano\":\"" + epochSecond
        + "000000000\"";
    String first = sessionPrefix + "-0";
    List<String> metrics = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    for (int s = 0; s < u.sessions(); s++) {
      sessions.add(point(d, sessionPrefix + "-" + s, time, 1, "start_type", "fresh"));
    }
    metrics.add(metric("claude_code.session.count", "", sessions));
    metrics.add(metric("claude_code.active_time.total", "s", List.of(
        point(d, first, time, u.activeUserSeconds(), "type", "user"), point(d, first, time, u.activeCliSeconds(), "type", "cli"))));
    List<String> tokens = new ArrayList<>();
    List<String> cost = new ArrayList<>();
    for (ModelUse m : u.models()) {
      String[] model = {"model", m.model(), "query_source", "main"};
      tokens.add(point(d, first, time, m.input(), concat(model, "type", "input")));
      tokens.add(point(d, first, time, m.output(), concat(model, "type", "output")));
      tokens.add(point(d, first, time, m.cacheRead(), concat(model, "type", "cacheRead")));
      tokens.add(point(d, first, time, m.cacheCreation(), concat(model, "type", "cacheCreation")));
      cost.add(pointText(d, first, time, java.math.BigDecimal.valueOf(m.costMicros(), 6).toPlainString(), model));
    }
    metrics.add(metric("claude_code.token.usage", "tokens", tokens));
    metrics.add(metric("claude_code.cost.usage", "USD", cost));
    List<String> decisions = new ArrayList<>();
    for (Decision x : u.decisions()) {
      decisions.add(point(d, first, time, x.count(), "tool_name", x.tool(), "decision", x.decision(), "source", x.source(),
          "language", x.language()));
    }
    metrics.add(metric("claude_code.code_edit_tool.decision", "", decisions));
    metrics.add(metric("claude_code.lines_of_code.count", "", List.of(point(d, first, time, u.linesAdded(), "type", "added"),
        point(d, first, time, u.linesRemoved(), "type", "removed"))));
    if (u.commits() > 0) {
      metrics.add(metric("claude_code.commit.count", "", List.of(point(d, first, time, u.commits()))));
    }
    if (u.pullRequests() > 0) {
      metrics.add(metric("claude_code.pull_request.count", "", List.of(point(d, first, time, u.pullRequests()))));
    }
    json.append(resources++ == 0 ? "" : ",").append("{\"resource\":{\"attributes\":[").append(attr("service.name", "claude-code"))
        .append(',').append(attr("service.version", "2.1.197")).append(',').append(attr("os.type", "linux"))
        .append("]},\"scopeMetrics\":[{\"scope\":{\"name\":\"com.anthropic.claude_code\",\"version\":\"2.1.197\"},\"metrics\":[")
        .append(String.join(",", metrics)).append("]}]}");
  }

  int resources() {
    return resources;
  }

  String json() {
    return json + "]}";
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String metric(String name, String unit, List<String> points) {
    return "{\"name\":\"" + name + "\",\"unit\":\"" + unit + "\",\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,"
        + "\"dataPoints\":[" + String.join(",", points) + "]}}";
  }

  private static String point(Developer d, String session, String time, long value, String... attrs) {
    return pointText(d, session, time, Long.toString(value), attrs);
  }

  private static String pointText(Developer d, String session, String time, String value, String... attrs) {
    StringBuilder sb = new StringBuilder("{\"attributes\":[").append(attr("user.email", d.email())).append(',')
        .append(attr("session.id", session));
    for (int i = 0; i < attrs.length; i += 2) {
      sb.append(',').append(attr(attrs[i], attrs[i + 1]));
    }
    return sb.append(']').append(time).append(",\"asDouble\":").append(value).append('}').toString();
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }
}
