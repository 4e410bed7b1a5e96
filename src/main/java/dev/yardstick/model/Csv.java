package dev.yardstick.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The product's one CSV reader and writer: RFC 4180 (quoted fields with doubled quotes and line
 * breaks inside, CRLF or LF between records), with spreadsheet formulas neutralised as OWASP's CSV
 * injection guidance says. A cell that starts with {@code = + - @}, a tab or a carriage return is
 * written with a leading {@code '} (so is one that starts with {@code '} followed by one of those or
 * another {@code '}), and the reader removes exactly that {@code '}: every value reads back as it was.
 * A negative number ({@code -5}, {@code -0.25}) is no formula and stays a number.
 */
public final class Csv {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

  private Csv() {}

  /** The records of a CSV text, with each cell as it was before {@link #line} neutralised it. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(unescape(field));
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || !field.isEmpty()) {
          row.add(unescape(field));
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("CSV ends inside a quoted field");
    }
    if (any || !field.isEmpty()) {
      row.add(unescape(field));
      rows.add(row);
    }
    return rows;
  }

  /** One record, CRLF-terminated; null cells are empty. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i) == null ? "" : fields.get(i);
      if (i > 0) {
        sb.append(',');
      }
      boolean formula = formulaLeader(f);
      if (formula || f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(formula ? "'" : "").append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.append("\r\n").toString();
  }

  /** Whether a spreadsheet could read the cell as a formula, or the reader would take its leading ' for ours. */
  static boolean formulaLeader(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char c = cell.charAt(0);
    if (c == '\'') {
      return cell.length() > 1 && (trigger(cell.charAt(1)) || cell.charAt(1) == '\'');
    }
    return trigger(c) && !NEGATIVE_NUMBER.matcher(cell).matches();
  }

  private static boolean trigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  private static String unescape(CharSequence field) {
    String s = field.toString();
    return s.length() > 1 && s.charAt(0) == '\'' && (trigger(s.charAt(1)) || s.charAt(1) == '\'') ? s.substring(1) : s;
  }
}
