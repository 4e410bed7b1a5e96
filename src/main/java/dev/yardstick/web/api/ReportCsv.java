package dev.yardstick.web.api;

import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.model.Csv;
import io.javalin.http.Context;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV: one column per field of the JSON row (nested records flattened as tokensInput,
 * coverageWithUsage, ...), in the same order, an empty cell for unknown. Read from the record's
 * components, so a field added to the row is a column without anyone remembering to add it.
 */
final class ReportCsv {
  private ReportCsv() {}

  /** format=csv, or an Accept header that names text/csv and not JSON. */
  static boolean wanted(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null) {
      if (!format.equals("csv") && !format.equals("json")) {
        throw new IllegalArgumentException("format must be csv or json (got " + format.substring(0, Math.min(20, format.length())) + ")");
      }
      return format.equals("csv");
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
  }

  static void write(Context ctx, Report r) {
    write(ctx, ReportRow.class, r.rows(), "report-" + r.from() + "-" + r.to() + "-" + r.groupBy().wire() + ".csv");
  }

  /** Any answer's rows of one record type, as an attachment named {@code filename}. */
  static <T> void write(Context ctx, Class<T> type, List<T> rows, String filename) {
    StringBuilder out = new StringBuilder();
    out.append(Csv.line(header(type, "")));
    for (T row : rows) {
      List<String> cells = new ArrayList<>();
      cells(row, type, cells);
      out.append(Csv.line(cells));
    }
    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .result(out.toString());
  }

  static List<String> header(Class<?> type, String prefix) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String name = prefix.isEmpty() ? c.getName() : prefix + Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
      if (c.getType().isRecord()) {
        names.addAll(header(c.getType(), name));
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private static void cells(Object value, Class<?> type, List<String> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      Object v;
      try {
        v = value == null ? null : c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (c.getType().isRecord()) {
        cells(v, c.getType(), out);
      } else {
        out.add(text(v));
      }
    }
  }

  /** Numbers as plain decimals (no 1.0E7), whole ones without ".0". */
  static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
