package dev.yardstick.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

/**
 * OTLP/JSON into the neutral {@link Otlp} model with our own tokenizer ({@link JsonLexer}), following
 * the OTLP JSON rules: lowerCamelCase keys (the proto snake_case names too), 64-bit integers as strings or
 * numbers, enums as integers (or their names), unknown fields skipped, hex trace ids ignored.
 */
public final class OtlpJsonDecoder {
  public Otlp.MetricsExport decodeMetrics(byte[] json) throws OtlpDecodeException {
    JsonCursor c = new JsonCursor(json);
    List<Otlp.ResourceMetrics> resources = new ArrayList<>();
    c.topLevelObject();
    while (c.nextField()) {
      switch (c.field()) {
        case "resourceMetrics", "resource_metrics" -> c.array(() -> resources.add(resourceMetrics(c)));
        default -> c.skip();
      }
    }
    c.end();
    return new Otlp.MetricsExport(resources);
  }

  public Otlp.LogsExport decodeLogs(byte[] json) throws OtlpDecodeException {
    JsonCursor c = new JsonCursor(json);
    List<Otlp.ResourceLogs> resources = new ArrayList<>();
    c.topLevelObject();
    while (c.nextField()) {
      switch (c.field()) {
        case "resourceLogs", "resource_logs" -> c.array(() -> resources.add(resourceLogs(c)));
        default -> c.skip();
      }
    }
    c.end();
    return new Otlp.LogsExport(resources);
  }

  private static Otlp.ResourceMetrics resourceMetrics(JsonCursor c) throws OtlpDecodeException {
    List<Otlp.KeyValue> resource = List.of();
    List<Otlp.ScopeMetrics> scopes = new ArrayList<>();
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "resource" -> resource = resource(c);
        case "scopeMetrics", "scope_metrics" -> c.array(() -> scopes.add(scopeMetrics(c)));
        default -> c.skip();
      }
    }
    return new Otlp.ResourceMetrics(resource, scopes);
  }

  private static Otlp.ScopeMetrics scopeMetrics(JsonCursor c) throws OtlpDecodeException {
    String[] scope = {"", ""};
    List<Otlp.Metric> metrics = new ArrayList<>();
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "scope" -> scope = scope(c);
        case "metrics" -> c.array(() -> metrics.add(metric(c)));
        default -> c.skip();
      }
    }
    return new Otlp.ScopeMetrics(scope[0], scope[1], metrics);
  }

  private static Otlp.Metric metric(JsonCursor c) throws OtlpDecodeException {
    String name = "";
    String unit = "";
    DataBuilder data = new DataBuilder();
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "name" -> name = c.string();
        case "unit" -> unit = c.string();
        case "sum" -> data.read(c, Otlp.MetricType.SUM);
        case "gauge" -> data.read(c, Otlp.MetricType.GAUGE);
        case "histogram" -> data.read(c, Otlp.MetricType.HISTOGRAM);
        case "exponentialHistogram", "exponential_histogram" -> data.read(c, Otlp.MetricType.EXPONENTIAL_HISTOGRAM);
        case "summary" -> data.read(c, Otlp.MetricType.SUMMARY);
        default -> c.skip();
      }
    }
    return new Otlp.Metric(name, unit, data.type, data.temporality, data.monotonic, data.points, data.otherPoints);
  }

  /** The data of a metric: number points for sums and gauges, a count for the kinds Yardstick does not keep. */
  private static final class DataBuilder {
    Otlp.MetricType type = Otlp.MetricType.NONE;
    int temporality;
    boolean monotonic;
    List<Otlp.NumberPoint> points = List.of();
    int otherPoints;

    void read(JsonCursor c, Otlp.MetricType kind) throws OtlpDecodeException {
      if (c.isNull()) {
        return;
      }
      type = kind;
      boolean numbers = kind == Otlp.MetricType.SUM || kind == Otlp.MetricType.GAUGE;
      List<Otlp.NumberPoint> read = new ArrayList<>();
      c.object();
      while (c.nextField()) {
        switch (c.field()) {
          case "dataPoints", "data_points" -> c.array(() -> {
            if (numbers) {
              read.add(numberPoint(c));
            } else {
              c.skip();
              otherPoints++;
            }
          });
          case "aggregationTemporality", "aggregation_temporality" -> temporality = c.enumValue(JsonCursor.TEMPORALITY);
          case "isMonotonic", "is_monotonic" -> monotonic = c.bool();
          default -> c.skip();
        }
      }
      points = read;
    }
  }

  private static Otlp.NumberPoint numberPoint(JsonCursor c) throws OtlpDecodeException {
    List<Otlp.KeyValue> attributes = List.of();
    long start = 0;
    long time = 0;
    Otlp.ValueType valueType = Otlp.ValueType.NONE;
    double asDouble = 0;
    long asInt = 0;
    int flags = 0;
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "attributes" -> attributes = JsonAnyValues.attributes(c);
        case "startTimeUnixNano", "start_time_unix_nano" -> start = c.int64();
        case "timeUnixNano", "time_unix_nano" -> time = c.int64();
        case "asDouble", "as_double" -> {
          if (!c.isNull()) {
            asDouble = c.float64();
            valueType = Otlp.ValueType.DOUBLE;
          }
        }
        case "asInt", "as_int" -> {
          if (!c.isNull()) {
            asInt = c.int64();
            valueType = Otlp.ValueType.INT;
          }
        }
        case "flags" -> flags = (int) c.int64();
        default -> c.skip();
      }
    }
    return new Otlp.NumberPoint(attributes, start, time, valueType, asDouble, asInt, flags);
  }

  private static Otlp.ResourceLogs resourceLogs(JsonCursor c) throws OtlpDecodeException {
    List<Otlp.KeyValue> resource = List.of();
    List<Otlp.ScopeLogs> scopes = new ArrayList<>();
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "resource" -> resource = resource(c);
        case "scopeLogs", "scope_logs" -> c.array(() -> scopes.add(scopeLogs(c)));
        default -> c.skip();
      }
    }
    return new Otlp.ResourceLogs(resource, scopes);
  }

  private static Otlp.ScopeLogs scopeLogs(JsonCursor c) throws OtlpDecodeException {
    String[] scope = {"", ""};
    List<Otlp.LogRecord> records = new ArrayList<>();
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "scope" -> scope = scope(c);
        case "logRecords", "log_records" -> c.array(() -> records.add(logRecord(c)));
        default -> c.skip();
      }
    }
    return new Otlp.ScopeLogs(scope[0], scope[1], records);
  }

  private static Otlp.LogRecord logRecord(JsonCursor c) throws OtlpDecodeException {
    long time = 0;
    long observed = 0;
    int severity = 0;
    Object body = null;
    List<Otlp.KeyValue> attributes = List.of();
    String eventName = "";
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "timeUnixNano", "time_unix_nano" -> time = c.int64();
        case "observedTimeUnixNano", "observed_time_unix_nano" -> observed = c.int64();
        case "severityNumber", "severity_number" -> severity = c.enumValue(JsonCursor.SEVERITY);
        case "body" -> body = JsonAnyValues.anyValue(c);
        case "attributes" -> attributes = JsonAnyValues.attributes(c);
        case "eventName", "event_name" -> eventName = c.string();
        default -> c.skip(); // traceId/spanId are hex here; Yardstick does not keep them
      }
    }
    return new Otlp.LogRecord(time, observed, severity, body, attributes, eventName);
  }

  private static List<Otlp.KeyValue> resource(JsonCursor c) throws OtlpDecodeException {
    List<Otlp.KeyValue> attributes = List.of();
    if (c.isNull()) {
      return attributes;
    }
    c.object();
    while (c.nextField()) {
      if (c.field().equals("attributes")) {
        attributes = JsonAnyValues.attributes(c);
      } else {
        c.skip();
      }
    }
    return attributes;
  }

  /** {name, version} of an InstrumentationScope. */
  private static String[] scope(JsonCursor c) throws OtlpDecodeException {
    String[] scope = {"", ""};
    if (c.isNull()) {
      return scope;
    }
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "name" -> scope[0] = c.string();
        case "version" -> scope[1] = c.string();
        default -> c.skip();
      }
    }
    return scope;
  }
}
