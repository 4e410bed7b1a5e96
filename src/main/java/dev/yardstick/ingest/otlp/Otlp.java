package dev.yardstick.ingest.otlp;

import java.util.List;

/**
 * The OTLP request shapes Yardstick reads, independent of the wire encoding. Both decoders (JSON and
 * protobuf) produce these, so nothing past the decoders knows which encoding arrived.
 *
 * <p>Times are nanoseconds since the Unix epoch (0 when absent). Attribute values are one of
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code List<Object>}
 * (arrayValue) or {@code List<KeyValue>} (kvlistValue); an AnyValue with no variant set is {@code null}.
 */
public final class Otlp {
  private Otlp() {}

  public record KeyValue(String key, Object value) {}

  public record MetricsExport(List<ResourceMetrics> resources) {}

  public record ResourceMetrics(List<KeyValue> resource, List<ScopeMetrics> scopes) {}

  public record ScopeMetrics(String name, String version, List<Metric> metrics) {}

  /**
   * One metric. Number points are kept for sums and gauges; other kinds only report how many points
   * they carried in {@code otherPoints}, since Yardstick stores none of them.
   *
   * @param temporality 0 unspecified, 1 delta, 2 cumulative (sums only; 0 for gauges)
   */
  public record Metric(
      String name,
      String unit,
      MetricType type,
      int temporality,
      boolean monotonic,
      List<NumberPoint> points,
      int otherPoints) {}

  public enum MetricType { SUM, GAUGE, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY, NONE }

  public enum ValueType { DOUBLE, INT, NONE }

  /** A NumberDataPoint; {@code value()} reads whichever of asDouble / asInt was set. */
  public record NumberPoint(
      List<KeyValue> attributes,
      long startNanos,
      long timeNanos,
      ValueType valueType,
      double doubleValue,
      long intValue,
      int flags) {

    /** The NO_RECORDED_VALUE flag: a staleness marker, not a measurement. */
    public boolean noRecordedValue() {
      return (flags & 1) != 0;
    }

    public double value() {
      return valueType == ValueType.INT ? intValue : doubleValue;
    }
  }

  public record LogsExport(List<ResourceLogs> resources) {}

  public record ResourceLogs(List<KeyValue> resource, List<ScopeLogs> scopes) {}

  public record ScopeLogs(String name, String version, List<LogRecord> records) {}

  /** A LogRecord; {@code body} is an AnyValue as described above, {@code eventName} is "" when unset. */
  public record LogRecord(
      long timeNanos,
      long observedNanos,
      int severityNumber,
      Object body,
      List<KeyValue> attributes,
      String eventName) {}
}
