package dev.yardstick.model;

import java.util.List;

/**
 * The points or events of one session in one export: the unit Yardstick stores, de-duplicates and
 * rolls up. {@code keyHi/keyLo} are a 128-bit digest of the content, so the same data sent again
 * (a client retry) is recognized whatever body carried it.
 */
public record FactGroup(
    SessionContext context, List<MetricPoint> points, List<Event> events, long keyHi, long keyLo) {

  public int size() {
    return points.size() + events.size();
  }

  /** Latest point or event time, epoch nanoseconds. */
  public long maxTimeNanos() {
    long max = Long.MIN_VALUE;
    for (MetricPoint p : points) {
      max = Math.max(max, p.timeNanos());
    }
    for (Event e : events) {
      max = Math.max(max, e.timeNanos());
    }
    return max;
  }

  /** Earliest point or event time, epoch nanoseconds. */
  public long minTimeNanos() {
    long min = Long.MAX_VALUE;
    for (MetricPoint p : points) {
      min = Math.min(min, p.timeNanos());
    }
    for (Event e : events) {
      min = Math.min(min, e.timeNanos());
    }
    return min;
  }
}
