package dev.yardstick.storage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Pure: whether two sets of rows hold the same values, whatever types the driver and the writer used for them. */
final class DayRowsText {
  private DayRowsText() {}

  /** The same rows in any order: numbers compared by value (2 = 2L = 2.0), days and flags by their text. */
  static boolean same(List<Object[]> a, List<Object[]> b) {
    return a.size() == b.size() && texts(a).equals(texts(b));
  }

  private static List<String> texts(List<Object[]> rows) {
    List<String> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (Object v : row) {
        sb.append(text(v)).append('\u0001');
      }
      out.add(sb.toString());
    }
    Collections.sort(out);
    return out;
  }

  static String text(Object v) {
    if (v == null) {
      return "\u0000";
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return v.toString(); // LocalDate and java.sql.Date both write yyyy-mm-dd; booleans and strings as they are
  }
}
