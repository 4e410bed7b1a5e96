package dev.yardstick.ingest.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;

/** Binary OTLP (application/x-protobuf and gRPC) into the neutral {@link Otlp} model. */
public final class OtlpProtoDecoder {
  public Otlp.MetricsExport decodeMetrics(byte[] body) throws OtlpDecodeException {
    try {
      return fromProto(ExportMetricsServiceRequest.parseFrom(body));
    } catch (InvalidProtocolBufferException e) {
      throw new OtlpDecodeException("invalid protobuf ExportMetricsServiceRequest: " + e.getMessage(), e);
    }
  }

  public Otlp.LogsExport decodeLogs(byte[] body) throws OtlpDecodeException {
    try {
      return fromProto(ExportLogsServiceRequest.parseFrom(body));
    } catch (InvalidProtocolBufferException e) {
      throw new OtlpDecodeException("invalid protobuf ExportLogsServiceRequest: " + e.getMessage(), e);
    }
  }

  public Otlp.MetricsExport fromProto(ExportMetricsServiceRequest request) {
    List<Otlp.ResourceMetrics> resources = new ArrayList<>(request.getResourceMetricsCount());
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      List<Otlp.ScopeMetrics> scopes = new ArrayList<>(rm.getScopeMetricsCount());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        List<Otlp.Metric> metrics = new ArrayList<>(sm.getMetricsCount());
        for (Metric m : sm.getMetricsList()) {
          metrics.add(metric(m));
        }
        scopes.add(new Otlp.ScopeMetrics(sm.getScope().getName(), sm.getScope().getVersion(), metrics));
      }
      resources.add(new Otlp.ResourceMetrics(attributes(rm.getResource().getAttributesList()), scopes));
    }
    return new Otlp.MetricsExport(resources);
  }

  public Otlp.LogsExport fromProto(ExportLogsServiceRequest request) {
    List<Otlp.ResourceLogs> resources = new ArrayList<>(request.getResourceLogsCount());
    for (ResourceLogs rl : request.getResourceLogsList()) {
      List<Otlp.ScopeLogs> scopes = new ArrayList<>(rl.getScopeLogsCount());
      for (ScopeLogs sl : rl.getScopeLogsList()) {
        List<Otlp.LogRecord> records = new ArrayList<>(sl.getLogRecordsCount());
        for (LogRecord r : sl.getLogRecordsList()) {
          records.add(new Otlp.LogRecord(r.getTimeUnixNano(), r.getObservedTimeUnixNano(), r.getSeverityNumberValue(),
              r.hasBody() ? value(r.getBody()) : null, attributes(r.getAttributesList()), r.getEventName()));
        }
        scopes.add(new Otlp.ScopeLogs(sl.getScope().getName(), sl.getScope().getVersion(), records));
      }
      resources.add(new Otlp.ResourceLogs(attributes(rl.getResource().getAttributesList()), scopes));
    }
    return new Otlp.LogsExport(resources);
  }

  private static Otlp.Metric metric(Metric m) {
    return switch (m.getDataCase()) {
      case SUM -> new Otlp.Metric(m.getName(), m.getUnit(), Otlp.MetricType.SUM, m.getSum().getAggregationTemporalityValue(),
          m.getSum().getIsMonotonic(), points(m.getSum().getDataPointsList()), 0);
      case GAUGE -> new Otlp.Metric(m.getName(), m.getUnit(), Otlp.MetricType.GAUGE, 0, false,
          points(m.getGauge().getDataPointsList()), 0);
      case HISTOGRAM -> other(m, Otlp.MetricType.HISTOGRAM, m.getHistogram().getDataPointsCount());
      case EXPONENTIAL_HISTOGRAM -> other(m, Otlp.MetricType.EXPONENTIAL_HISTOGRAM, m.getExponentialHistogram().getDataPointsCount());
      case SUMMARY -> other(m, Otlp.MetricType.SUMMARY, m.getSummary().getDataPointsCount());
      default -> other(m, Otlp.MetricType.NONE, 0);
    };
  }

  private static Otlp.Metric other(Metric m, Otlp.MetricType type, int points) {
    return new Otlp.Metric(m.getName(), m.getUnit(), type, 0, false, List.of(), points);
  }

  private static List<Otlp.NumberPoint> points(List<NumberDataPoint> in) {
    List<Otlp.NumberPoint> out = new ArrayList<>(in.size());
    for (NumberDataPoint p : in) {
      Otlp.ValueType type = switch (p.getValueCase()) {
        case AS_DOUBLE -> Otlp.ValueType.DOUBLE;
        case AS_INT -> Otlp.ValueType.INT;
        default -> Otlp.ValueType.NONE;
      };
      out.add(new Otlp.NumberPoint(attributes(p.getAttributesList()), p.getStartTimeUnixNano(), p.getTimeUnixNano(),
          type, p.getAsDouble(), p.getAsInt(), p.getFlags()));
    }
    return out;
  }

  private static List<Otlp.KeyValue> attributes(List<KeyValue> in) {
    if (in.isEmpty()) {
      return List.of();
    }
    List<Otlp.KeyValue> out = new ArrayList<>(in.size());
    for (KeyValue kv : in) {
      out.add(new Otlp.KeyValue(kv.getKey(), value(kv.getValue())));
    }
    return out;
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BYTES_VALUE -> v.getBytesValue().toByteArray();
      case ARRAY_VALUE -> {
        List<Object> list = new ArrayList<>(v.getArrayValue().getValuesCount());
        for (AnyValue item : v.getArrayValue().getValuesList()) {
          list.add(value(item));
        }
        yield list;
      }
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
      default -> null; // unset, or the profiles-only string_value_strindex
    };
  }
}
