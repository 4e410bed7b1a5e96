package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Event;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.MetricPoint.Temporality;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns decoded OTLP exports into Claude Code facts: recognizes Claude Code's telemetry, drops
 * content attributes, separates identity from dimensions, and groups the result per session.
 * Everything else is counted as ignored; invalid points are counted as rejected, with a reason.
 */
final class ClaudeCodeMapper {
  /** Groups are split beyond this many items so that no stored row grows without bound. */
  static final int MAX_GROUP_ITEMS = 500;

  /** Maps a metrics export; {@code headerEmail} is the X-Yardstick-User-Email value or null. */
  Mapped mapMetrics(Otlp.MetricsExport export, String headerEmail) {
    Grouper grouper = new Grouper(Signal.METRICS);
    for (Otlp.ResourceMetrics rm : export.resources()) {
      PointAttributes attributes = new PointAttributes(new ResourceView(rm.resource(), headerEmail));
      for (Otlp.ScopeMetrics sm : rm.scopes()) {
        for (Otlp.Metric m : sm.metrics()) {
          mapMetric(m, attributes, grouper);
        }
      }
    }
    return grouper.finish();
  }

  /** Maps a logs export; Claude Code's events are log records named {@code claude_code.<event>}. */
  Mapped mapLogs(Otlp.LogsExport export, String headerEmail) {
    Grouper grouper = new Grouper(Signal.LOGS);
    for (Otlp.ResourceLogs rl : export.resources()) {
      PointAttributes attributes = new PointAttributes(new ResourceView(rl.resource(), headerEmail));
      for (Otlp.ScopeLogs sl : rl.scopes()) {
        boolean claudeScope = sl.name().startsWith("com.anthropic.claude_code");
        for (Otlp.LogRecord r : sl.records()) {
          EventReader.read(r, claudeScope, attributes, grouper);
        }
      }
    }
    return grouper.finish();
  }

  private static void mapMetric(Otlp.Metric m, PointAttributes a, Grouper grouper) {
    int total = m.points().size() + m.otherPoints();
    // recognized by name: service.name may be overridden, and the scope is absent behind some collectors
    if (!m.name().startsWith("claude_code.") || m.type() != Otlp.MetricType.SUM) {
      grouper.ignored += total;
      return;
    }
    Temporality temporality = switch (m.temporality()) {
      case 1 -> Temporality.DELTA;
      case 2 -> Temporality.CUMULATIVE;
      default -> null;
    };
    for (Otlp.NumberPoint p : m.points()) {
      String problem = problem(p, temporality, m.monotonic());
      if (problem != null) {
        grouper.reject(m.name() + ": " + problem);
        continue;
      }
      if (p.noRecordedValue()) {
        grouper.ignored++;
        continue;
      }
      a.next();
      TreeMap<String, String> dims = new TreeMap<>();
      for (Otlp.KeyValue kv : p.attributes()) {
        if (a.take(kv) == AttributeKind.DIMENSION) {
          dims.put(kv.key(), AttributeText.of(kv.value()));
        }
      }
      grouper.add(a.context(), new MetricPoint(m.name(), temporality, p.startNanos(), p.timeNanos(), p.value(), dims));
    }
  }

  private static String problem(Otlp.NumberPoint p, Temporality temporality, boolean monotonic) {
    if (temporality == null) {
      return "aggregationTemporality must be 1 (delta) or 2 (cumulative)";
    }
    if (p.noRecordedValue()) {
      return null;
    }
    if (p.valueType() == Otlp.ValueType.NONE) {
      return "data point has neither asDouble nor asInt";
    }
    if (p.timeNanos() <= 0) {
      return "data point has no timeUnixNano";
    }
    double v = p.value();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "data point value is not a finite number";
    }
    if (monotonic && v < 0) {
      return "monotonic sum has a negative value";
    }
    return null;
  }

  /** The result of mapping one export. */
  record Mapped(List<FactGroup> groups, int accepted, int rejected, String rejectReason, int ignored) {}

  /** Collects items per session context, in arrival order, and the counts for the response. */
  static final class Grouper {
    private final Signal signal;
    private final Map<SessionContext, List<Object>> bySession = new LinkedHashMap<>();
    // the last context added to and its items: consecutive points usually share the instance, which then needs no hashing
    private SessionContext lastContext;
    private List<Object> lastItems;
    private int accepted;
    private int rejected;
    private String firstProblem = "";
    int ignored;

    Grouper(Signal signal) {
      this.signal = signal;
    }

    void add(SessionContext context, Object item) {
      if (context != lastContext) {
        lastContext = context;
        lastItems = bySession.computeIfAbsent(context, c -> new ArrayList<>());
      }
      lastItems.add(item);
      accepted++;
    }

    void reject(String problem) {
      if (rejected++ == 0) {
        firstProblem = problem;
      }
    }

    Mapped finish() {
      List<FactGroup> groups = new ArrayList<>(bySession.size());
      for (Map.Entry<SessionContext, List<Object>> e : bySession.entrySet()) {
        List<Object> items = e.getValue();
        for (int from = 0; from < items.size(); from += MAX_GROUP_ITEMS) {
          groups.add(group(e.getKey(), items.subList(from, Math.min(items.size(), from + MAX_GROUP_ITEMS))));
        }
      }
      String reason = rejected == 0 ? "" : rejected == 1 ? firstProblem
          : firstProblem + " (and " + (rejected - 1) + " more rejected)";
      return new Mapped(groups, accepted, rejected, reason, ignored);
    }

    private FactGroup group(SessionContext context, List<Object> items) {
      List<MetricPoint> points = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof MetricPoint p) {
          points.add(p);
        } else {
          events.add((Event) item);
        }
      }
      long[] key = FactDigest.of(signal, context, points, events);
      return new FactGroup(context, List.copyOf(points), List.copyOf(events), key[0], key[1]);
    }
  }
}
