package dev.yardstick.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The points or records of one export that were refused: how many, by reason (the label they are
 * counted under in /metrics), and the first one's message, which the OTLP partial success carries.
 */
public final class Rejections {
  private Map<String, Integer> byReason = Map.of(); // made on the first refusal: nearly every export has none
  private int count;
  private String first = "";

  /** Records one refused item. */
  public void add(String reason, String message) {
    if (count++ == 0) {
      first = message;
      byReason = new TreeMap<>();
    }
    byReason.merge(reason, 1, Integer::sum);
  }

  /** Adds the other's refusals after this one's. */
  public void addAll(Rejections other) {
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      first = other.first;
      byReason = new TreeMap<>();
    }
    count += other.count;
    other.byReason.forEach((r, n) -> byReason.merge(r, n, Integer::sum));
  }

  public int count() {
    return count;
  }

  public Map<String, Integer> byReason() {
    return byReason;
  }

  /** The first refusal in words, and how many more there were; empty when none. */
  public String message() {
    return count <= 1 ? first : first + " (and " + (count - 1) + " more rejected)";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rejections r && count == r.count && first.equals(r.first) && byReason.equals(r.byReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, first, byReason);
  }

  @Override
  public String toString() {
    return count == 0 ? "none" : count + " " + byReason + ": " + message();
  }
}
