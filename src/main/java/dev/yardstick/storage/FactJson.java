package dev.yardstick.storage;

import dev.yardstick.model.Event;
import dev.yardstick.model.MetricPoint;
import java.util.List;
import java.util.Map;

/** Writes stored facts as compact JSON text; small and dependency-free, since it runs per group at ingest. */
final class FactJson {
  private FactJson() {}

  /**
   * The points as sent, in a compact form since this text is most of what ingest writes: one header
   * {@code {"temporality","start","time"}} taken from the first point, then each point as
   * {@code [name, value, dims]}, or {@code [name, value, dims, start, time, temporality]} where it
   * differs from the header. Cumulative values stay running totals; their increments live in the rollups.
   */
  static String points(List<MetricPoint> points) {
    StringBuilder sb = new StringBuilder(64 + points.size() * 80);
    if (points.isEmpty()) {
      return sb.append("{\"points\":[]}").toString();
    }
    MetricPoint head = points.getFirst();
    sb.append("{\"temporality\":\"").append(temporality(head)).append("\",\"start\":").append(head.startNanos())
        .append(",\"time\":").append(head.timeNanos()).append(",\"points\":[");
    for (int i = 0; i < points.size(); i++) {
      MetricPoint p = points.get(i);
      sb.append(i > 0 ? ",[" : "[");
      string(sb, p.name());
      sb.append(',');
      number(sb, p.value());
      sb.append(',');
      object(sb, p.dims());
      if (!sameWindow(p, head)) {
        sb.append(',').append(p.startNanos()).append(',').append(p.timeNanos()).append(",\"").append(temporality(p)).append('"');
      }
      sb.append(']');
    }
    return sb.append("]}").toString();
  }

  private static boolean sameWindow(MetricPoint a, MetricPoint b) {
    return a.startNanos() == b.startNanos() && a.timeNanos() == b.timeNanos() && a.temporality() == b.temporality();
  }

  private static void number(StringBuilder sb, double d) {
    if (Double.isFinite(d)) {
      sb.append(d);
    } else {
      string(sb, Double.toString(d)); // JSON has no NaN or Infinity
    }
  }

  private static String temporality(MetricPoint p) {
    return p.temporality() == MetricPoint.Temporality.DELTA ? "delta" : "cumulative";
  }

  static String events(List<Event> events) {
    StringBuilder sb = new StringBuilder(events.size() * 300).append('[');
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"name\":");
      string(sb, e.name());
      sb.append(",\"time\":").append(e.timeNanos()).append(",\"sequence\":").append(e.sequence()).append(",\"attributes\":");
      object(sb, e.attributes());
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  static String object(Map<String, ?> map) {
    StringBuilder sb = new StringBuilder();
    object(sb, map);
    return sb.toString();
  }

  private static void object(StringBuilder sb, Map<String, ?> map) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      value(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void value(StringBuilder sb, Object v) {
    switch (v) {
      case null -> sb.append("null");
      case Long l -> sb.append(l);
      case Boolean b -> sb.append(b);
      case Double d -> number(sb, d);
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(sb, list.get(i));
        }
        sb.append(']');
      }
      default -> string(sb, v.toString());
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    if (plain(s)) { // names, models, ids: nearly always, and a bulk append is several times cheaper
      sb.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
