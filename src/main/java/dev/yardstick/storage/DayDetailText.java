package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.util.List;
import java.util.Map;

/**
 * The text of a {@link DayDetail}, one line per entry, fields separated by tabs (tabs, newlines and
 * backslashes in names escaped): {@code m model v0,v1,...} (the usage fields in {@link UsageField}
 * order, empty for 0), {@code d tool decision language source count}, {@code e name count}.
 */
final class DayDetailText {
  private DayDetailText() {}

  static String encode(DayDetail d) {
    StringBuilder sb = new StringBuilder(64 + 96 * (d.models.size() + d.decisions.size()));
    for (Map.Entry<String, double[]> m : d.models.entrySet()) {
      sb.append('m');
      text(sb, m.getKey());
      sb.append('\t');
      double[] v = m.getValue();
      for (int i = 0; i < v.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (v[i] != 0) {
          number(sb, v[i]);
        }
      }
      sb.append('\n');
    }
    for (Map.Entry<DayDetail.Decision, Double> e : d.decisions.entrySet()) {
      sb.append('d');
      for (String part : e.getKey().parts()) {
        text(sb, part);
      }
      number(sb.append('\t'), e.getValue());
      sb.append('\n');
    }
    d.events.forEach((name, n) -> text(sb.append('e'), name).append('\t').append(n).append('\n'));
    return sb.toString();
  }

  static DayDetail decode(String text) {
    DayDetail d = new DayDetail();
    if (text == null) {
      return d;
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> f = List.of(line.split("\t", -1));
      switch (f.get(0)) {
        case "m" -> {
          String[] v = f.get(2).split(",", -1);
          for (int i = 0; i < v.length && i < UsageField.count(); i++) {
            if (!v[i].isEmpty()) {
              d.addModel(unescape(f.get(1)), UsageField.at(i), Double.parseDouble(v[i]));
            }
          }
        }
        case "d" -> d.addDecision(new DayDetail.Decision(unescape(f.get(1)), unescape(f.get(2)), unescape(f.get(3)),
            unescape(f.get(4))), Double.parseDouble(f.get(5)));
        case "e" -> d.addEvents(unescape(f.get(1)), Long.parseLong(f.get(2)));
        default -> throw new IllegalArgumentException("unknown day detail line: " + line);
      }
    }
    return d;
  }

  /** Integral values (nearly all: counts and tokens) without a fraction. */
  private static void number(StringBuilder sb, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(v);
    }
  }

  private static StringBuilder text(StringBuilder sb, String s) {
    sb.append('\t');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb;
  }

  static String unescape(String s) {
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
