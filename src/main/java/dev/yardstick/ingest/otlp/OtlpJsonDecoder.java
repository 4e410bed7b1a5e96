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
        case RESOURCE_METRICS -> c.array(() -> resources.add(resourceMetrics(c)));
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
        case RESOURCE_LOGS -> c.array(() -> resources.add(resourceLogs(c)));
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
        case RESOURCE -> resource = resource(c);
        case SCOPE_METRICS -> c.array(() -> scopes.add(scopeMetrics(c)));
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
        case SCOPE -> scope = scope(c);
        case METRICS -> c.array(() -> metrics.add(metric(c)));
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
        case NAME -> name = c.string();
        case UNIT -> unit = c.string();
        case SUM -> data.read(c, Otlp.MetricType.SUM);
        case GAUGE -> data.read(c, Otlp.MetricType.GAUGE);
        case HISTOGRAM -> data.read(c, Otlp.MetricType.HISTOGRAM);
        case EXPONENTIAL_HISTOGRAM -> data.read(c, Otlp.MetricType.EXPONENTIAL_HISTOGRAM);
        case SUMMARY -> data.read(c, Otlp.MetricType.SUMMARY);
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
          case DATA_POINTS -> c.array(() -> {
            if (numbers) {
              read.add(numberPoint(c));
            } else {
              c.skip();
              otherPoints++;
            }
          });
          case AGGREGATION_TEMPORALITY -> temporality = c.enumValue(JsonCursor.TEMPORALITY);
          case IS_MONOTONIC -> monotonic = c.bool();
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
        case ATTRIBUTES -> attributes = JsonAnyValues.attributes(c);
        case START_TIME_UNIX_NANO -> start = c.int64();
        case TIME_UNIX_NANO -> time = c.int64();
        case AS_DOUBLE -> {
          if (!c.isNull()) {
            asDouble = c.float64();
            valueType = Otlp.ValueType.DOUBLE;
          }
        }
        case AS_INT -> {
          if (!c.isNull()) {
            asInt = c.int64();
            valueType = Otlp.ValueType.INT;
          }
        }
        case FLAGS -> flags = (int) c.int64();
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
        case RESOURCE -> resource = resource(c);
        case SCOPE_LOGS -> c.array(() -> scopes.add(scopeLogs(c)));
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
        case SCOPE -> scope = scope(c);
        case LOG_RECORDS -> c.array(() -> records.add(logRecord(c)));
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
        case TIME_UNIX_NANO -> time = c.int64();
        case OBSERVED_TIME_UNIX_NANO -> observed = c.int64();
        case SEVERITY_NUMBER -> severity = c.enumValue(JsonCursor.SEVERITY);
        case BODY -> body = JsonAnyValues.anyValue(c);
        case ATTRIBUTES -> attributes = JsonAnyValues.attributes(c);
        case EVENT_NAME -> eventName = c.string();
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
      if (c.field() == JsonField.ATTRIBUTES) {
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
        case NAME -> scope[0] = c.string();
        case VERSION -> scope[1] = c.string();
        default -> c.skip();
      }
    }
    return scope;
  }
}
