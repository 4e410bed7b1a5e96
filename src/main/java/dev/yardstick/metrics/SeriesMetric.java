package dev.yardstick.metrics;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a time series plots: a numeric field of the report row (nested ones flattened as in the CSV: tokensInput,
 * coverageWithBoth), "tokens" (all four kinds together), or activeUsers (docs/METRICS.md "Adoption"). Read from the
 * row record, so a numeric field added to the row can be plotted without anyone listing it.
 */
record SeriesMetric(String name, Function<ReportRow, Number> value) {
  static final String ACTIVE_USERS = "activeUsers";
  // how many contributed or were left out: about the row, not a measure over time
  private static final List<String> NOT_MEASURES = List.of("developers", "withheldContributorWeeks");
  private static final Map<String, SeriesMetric> ALL = all();

  static SeriesMetric parse(String name) {
    SeriesMetric m = name == null ? null : ALL.get(name.trim());
    if (m == null) {
      throw new IllegalArgumentException("metric must be one of " + String.join(", ", ALL.keySet()) + " (got \""
          + (name == null ? "" : name.substring(0, Math.min(40, name.length()))) + "\")");
    }
    return m;
  }

  /** The accepted names, in the row's order. */
  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  boolean activeUsers() {
    return name.equals(ACTIVE_USERS);
  }

  Number of(ReportRow row) {
    return value.apply(row);
  }

  private static Map<String, SeriesMetric> all() {
    Map<String, SeriesMetric> out = new LinkedHashMap<>();
    for (RecordComponent c : ReportRow.class.getRecordComponents()) {
      if (c.getType().isRecord()) {
        if (c.getName().equals("tokens")) {
          out.put("tokens", new SeriesMetric("tokens", r -> r.tokens() == null ? null
              : r.tokens().input() + r.tokens().output() + r.tokens().cacheRead() + r.tokens().cacheCreation()));
        }
        for (RecordComponent inner : c.getType().getRecordComponents()) {
          String n = c.getName() + Character.toUpperCase(inner.getName().charAt(0)) + inner.getName().substring(1);
          out.put(n, new SeriesMetric(n, r -> number(inner, read(c, r))));
        }
      } else if (Number.class.isAssignableFrom(c.getType()) && !NOT_MEASURES.contains(c.getName())) {
        out.put(c.getName(), new SeriesMetric(c.getName(), r -> number(c, r)));
      }
    }
    out.put(ACTIVE_USERS, new SeriesMetric(ACTIVE_USERS, r -> null));
    return out;
  }

  private static Number number(RecordComponent c, Object from) {
    return (Number) read(c, from);
  }

  private static Object read(RecordComponent c, Object from) {
    try {
      return from == null ? null : c.getAccessor().invoke(from);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

}
