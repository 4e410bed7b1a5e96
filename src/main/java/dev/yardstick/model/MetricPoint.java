package dev.yardstick.model;

import java.util.Map;

/**
 * One Claude Code metric data point after normalization.
 *
 * @param name full metric name, e.g. {@code claude_code.token.usage}
 * @param startNanos start of the point's window, epoch nanoseconds (0 if the client sent none)
 * @param timeNanos end of the window, epoch nanoseconds
 * @param value the sent value: an increment for DELTA, a running total for CUMULATIVE
 * @param dims the attributes that describe the measurement (type, model, tool_name, ...), as text
 */
public record MetricPoint(
    String name, Temporality temporality, long startNanos, long timeNanos, double value, Map<String, String> dims) {

  public enum Temporality { DELTA, CUMULATIVE }

  public String model() {
    String m = dims.get("model");
    return m == null ? "" : m;
  }
}
