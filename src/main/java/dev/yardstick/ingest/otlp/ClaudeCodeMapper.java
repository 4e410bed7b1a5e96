package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Event;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.MetricPoint.Temporality;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.Plausibility.Problem;
import dev.yardstick.model.Rejections;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns decoded OTLP exports into Claude Code facts: recognizes Claude Code's telemetry, drops
 * content attributes, separates identity from dimensions, and groups the result per session.
 * Everything else is counted as ignored; invalid and implausible points (see {@link Plausibility})
 * are counted as rejected, with a reason, and kept nowhere.
 */
final class ClaudeCodeMapper {
  /** Groups are split beyond this many items so that no stored row grows without bound. */
  static final int MAX_GROUP_ITEMS = 500;

  /**
   * Maps a metrics export received at {@code now}; {@code headerEmail} is the X-Yardstick-User-Email
   * value or null.
   */
  Mapped mapMetrics(Otlp.MetricsExport export, String headerEmail, Instant now) {
    Grouper grouper = new Grouper(Signal.METRICS, now);
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

  /** Maps a logs export received at {@code now}; Claude Code's events are log records named {@code claude_code.<event>}. */
  Mapped mapLogs(Otlp.LogsExport export, String headerEmail, Instant now) {
    Grouper grouper = new Grouper(Signal.LOGS, now);
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
      Problem problem = problem(m.name(), p, temporality, grouper.now);
      if (problem != null) {
        grouper.reject(problem.reason(), m.name() + ": " + problem.message());
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

  private static Problem problem(String name, Otlp.NumberPoint p, Temporality temporality, Instant now) {
    if (temporality == null) {
      return invalid("aggregationTemporality must be 1 (delta) or 2 (cumulative)");
    }
    if (p.noRecordedValue()) {
      return null;
    }
    if (p.valueType() == Otlp.ValueType.NONE) {
      return invalid("data point has neither asDouble nor asInt");
    }
    if (p.timeNanos() <= 0) {
      return invalid("data point has no timeUnixNano");
    }
    double v = p.value();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return invalid("data point value is not a finite number");
    }
    if (p.startNanos() > p.timeNanos()) {
      return invalid("startTimeUnixNano is after timeUnixNano");
    }
    Problem late = Plausibility.time("timeUnixNano", p.timeNanos(), now);
    if (late != null) {
      return late;
    }
    boolean cumulative = temporality == Temporality.CUMULATIVE;
    // a running total covers its run; without a real start (a baseline) its span is unknown
    long covered = cumulative && p.startNanos() > 0 && p.startNanos() < p.timeNanos() ? p.timeNanos() - p.startNanos() : 0;
    return Plausibility.pointValue(name, v, cumulative, covered);
  }

  private static Problem invalid(String message) {
    return new Problem("invalid", message);
  }

  /** The result of mapping one export. */
  record Mapped(List<FactGroup> groups, int accepted, Rejections rejections, int ignored) {
    int rejected() {
      return rejections.count();
    }

    String rejectReason() {
      return rejections.message();
    }
  }

  /** Collects items per session context, in arrival order, and the counts for the response. */
  static final class Grouper {
    private final Signal signal;
    final Instant now;
    private final Map<SessionContext, List<Object>> bySession = new LinkedHashMap<>();
    // the last context added to and its items: consecutive points usually share the instance, which then needs no hashing
    private SessionContext lastContext;
    private List<Object> lastItems;
    private int accepted;
    private final Rejections rejections = new Rejections();
    int ignored;

    Grouper(Signal signal, Instant now) {
      this.signal = signal;
      this.now = now;
    }

    void add(SessionContext context, Object item) {
      if (context != lastContext) {
        lastContext = context;
        lastItems = bySession.computeIfAbsent(context, c -> new ArrayList<>());
      }
      lastItems.add(item);
      accepted++;
    }

    /** @param reason what the refusal is counted under in /metrics */
    void reject(String reason, String message) {
      rejections.add(reason, message);
    }

    Mapped finish() {
      List<FactGroup> groups = new ArrayList<>(bySession.size());
      for (Map.Entry<SessionContext, List<Object>> e : bySession.entrySet()) {
        List<Object> items = e.getValue();
        for (int from = 0; from < items.size(); from += MAX_GROUP_ITEMS) {
          groups.add(group(e.getKey(), items.subList(from, Math.min(items.size(), from + MAX_GROUP_ITEMS))));
        }
      }
      return new Mapped(groups, accepted, rejections, ignored);
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
