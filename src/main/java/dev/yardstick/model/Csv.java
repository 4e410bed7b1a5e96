package dev.yardstick.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The product's one CSV reader and writer (Apache Commons CSV: RFC 4180, quoted fields with doubled
 * quotes and line breaks inside, CRLF, LF or CR between records, a leading byte-order mark ignored),
 * with spreadsheet formulas neutralised as OWASP's CSV injection guidance says. A cell that starts with
 * {@code = + - @}, a tab or a carriage return is written quoted with a leading {@code '} (so is one that
 * starts with {@code '} followed by one of those or another {@code '}), and the reader removes exactly
 * that {@code '}: every value reads back as it was. A negative number ({@code -5}, {@code -0.25}) is no
 * formula and stays a number.
 */
public final class Csv {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");
  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
  private static final CSVFormat PLAIN = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();
  // OWASP: a neutralised cell is also enclosed in double quotes
  private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

  private Csv() {}

  /** The records of a CSV text, with each cell as it was before {@link #line} neutralised it. */
  public static List<List<String>> parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), READ)) {
      for (CSVRecord record : parser) {
        List<String> row = new ArrayList<>(record.size());
        record.forEach(cell -> row.add(unescape(cell)));
        rows.add(row);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable CSV: " + e.getMessage(), e);
    } catch (UncheckedIOException e) { // how the parser's iterator reports a malformed record
      throw new IllegalArgumentException("not a readable CSV: " + e.getCause().getMessage(), e);
    }
    return rows;
  }

  /** One record, CRLF-terminated; null cells are empty. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    try {
      for (int i = 0; i < fields.size(); i++) {
        String f = fields.get(i) == null ? "" : fields.get(i);
        boolean formula = formulaLeader(f);
        (formula ? QUOTED : PLAIN).print(formula ? "'" + f : f, sb, i == 0);
      }
      PLAIN.println(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sb.toString();
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

  private static String unescape(String s) {
    return s.length() > 1 && s.charAt(0) == '\'' && (trigger(s.charAt(1)) || s.charAt(1) == '\'') ? s.substring(1) : s;
  }
}
