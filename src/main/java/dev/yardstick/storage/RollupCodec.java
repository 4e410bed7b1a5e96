package dev.yardstick.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text form of pending rollup increments: one line per row, fields separated by tabs:
 * table code, key parts (numbers, ISO dates, escaped text), then the values joined by commas.
 * Text rather than rows because an ingest commit then appends one value, not dozens of rows.
 */
final class RollupCodec {
  private RollupCodec() {}

  static String encode(Map<RollupTable, Map<List<Object>, double[]>> rows) {
    StringBuilder sb = new StringBuilder(256);
    for (Map.Entry<RollupTable, Map<List<Object>, double[]>> t : rows.entrySet()) {
      for (Map.Entry<List<Object>, double[]> r : t.getValue().entrySet()) {
        sb.append(t.getKey().code());
        for (Object part : r.getKey()) {
          sb.append('\t');
          if (part instanceof String s) {
            escape(sb, s);
          } else {
            sb.append(part);
          }
        }
        sb.append('\t');
        double[] v = r.getValue();
        for (int i = 0; i < v.length; i++) {
          if (i > 0) {
            sb.append(',');
          }
          if (v[i] != 0) {
            sb.append(v[i]);
          }
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** Adds every row of {@code text} into {@code into}. */
  static void decodeInto(String text, Rollups into) {
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      end = end < 0 ? text.length() : end;
      if (end > pos) {
        decodeLine(text.substring(pos, end), into);
      }
      pos = end + 1;
    }
  }

  private static void decodeLine(String line, Rollups into) {
    String[] f = line.split("\t", -1);
    RollupTable t = RollupTable.byCode(f[0].charAt(0));
    List<Object> key = new ArrayList<>(t.keys().size());
    for (int k = 0; k < t.keys().size(); k++) {
      String raw = f[k + 1];
      key.add(switch (t.keyTypes().get(k)) {
        case "BIGINT" -> Long.parseLong(raw);
        case "DATE" -> LocalDate.parse(raw);
        default -> unescape(raw);
      });
    }
    String[] vs = f[t.keys().size() + 1].split(",", -1);
    double[] values = new double[t.values().size()];
    for (int i = 0; i < values.length && i < vs.length; i++) {
      values[i] = vs[i].isEmpty() ? 0 : Double.parseDouble(vs[i]);
    }
    into.add(t, key, values);
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
