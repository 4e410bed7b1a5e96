package dev.yardstick.model;

import java.util.List;
import java.util.function.LongBinaryOperator;

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
    return times(Long.MIN_VALUE, Math::max);
  }

  /** Earliest point or event time, epoch nanoseconds. */
  public long minTimeNanos() {
    return times(Long.MAX_VALUE, Math::min);
  }

  private long times(long start, LongBinaryOperator pick) {
    long t = start;
    for (MetricPoint p : points) {
      t = pick.applyAsLong(t, p.timeNanos());
    }
    for (Event e : events) {
      t = pick.applyAsLong(t, e.timeNanos());
    }
    return t;
  }
}
