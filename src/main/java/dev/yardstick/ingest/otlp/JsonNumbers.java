package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** JSON numbers in the body's bytes: checked against the grammar, and read in place where that is exact. */
final class JsonNumbers {
  private static final double[] POWERS_OF_TEN = new double[23];
  private static final byte[] MAX = "9223372036854775807".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10; // exact up to 1e22
    }
  }

  private JsonNumbers() {}

  /** The end of the number at {@code from}; sets the lexer's kind to INTEGER or DECIMAL. */
  static int scan(JsonLexer l, int from) throws OtlpDecodeException {
    byte[] b = l.b;
    int i = from < b.length && b[from] == '-' ? from + 1 : from;
    if (!digit(b, i)) {
      throw l.malformed(i, "unexpected " + l.what(i));
    }
    if (b[i] == '0' && digit(b, i + 1)) {
      throw l.malformed(i, "a number may not start with 0");
    }
    i = digits(b, i);
    boolean integer = true;
    if (i < b.length && b[i] == '.') {
      integer = false;
      i = requireDigits(l, i + 1, "a digit after the decimal point");
    }
    if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
      integer = false;
      i++;
      if (i < b.length && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      i = requireDigits(l, i, "a digit in the exponent");
    }
    l.kind = integer ? JsonLexer.INTEGER : JsonLexer.DECIMAL;
    return i;
  }

  /** True if the bytes are an optional minus and 1 to 19 digits whose value fits a long: then read in place. */
  static boolean isLong(byte[] b, int from, int to) {
    boolean negative = from < to && b[from] == '-';
    int i = negative ? from + 1 : from;
    int digits = to - i;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int k = i; k < to; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return false;
      }
    }
    // nineteen digits: compared as text with the limit, which for equal lengths is comparing values
    return digits < 19 || Arrays.compare(b, i, to, negative ? MIN : MAX, 0, 19) <= 0;
  }

  /** The value of bytes for which {@link #isLong} holds (Long.MIN_VALUE's digits wrap to itself). */
  static long parseLong(byte[] b, int from, int to) {
    boolean negative = b[from] == '-';
    long v = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return negative ? -v : v;
  }

  /**
   * A DECIMAL token's value, read in place when it has at most 15 significant digits and a power
   * of ten up to 22 (one exact division or product), or up to 18 digits divided by such a power
   * ({@link DecimalDivision}); else by the JDK.
   */
  static double decimal(byte[] b, int from, int to) {
    int i = from;
    boolean negative = b[i] == '-';
    i = negative ? i + 1 : i;
    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    boolean fraction = false;
    for (; i < to && b[i] != 'e' && b[i] != 'E'; i++) {
      if (b[i] == '.') {
        fraction = true;
        continue;
      }
      mantissa = mantissa * 10 + (b[i] - '0');
      significant += mantissa == 0 ? 0 : 1;
      scale += fraction ? 1 : 0;
      if (significant > 18) {
        return Double.parseDouble(ascii(b, from, to));
      }
    }
    int exponent = 0;
    if (i < to) {
      if (to - i > 5) {
        return Double.parseDouble(ascii(b, from, to));
      }
      exponent = Integer.parseInt(ascii(b, i + 1, to));
    }
    int power = exponent - scale;
    double v;
    if (power < -22 || power > 22 || significant > 15 && power >= 0) {
      v = Double.NaN;
    } else if (significant > 15) {
      v = DecimalDivision.divide(mantissa, -power);
    } else {
      // both operands are exact doubles, so one IEEE operation rounds correctly (Clinger's fast path)
      v = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
    }
    if (Double.isNaN(v)) {
      return Double.parseDouble(ascii(b, from, to));
    }
    return negative ? -v : v;
  }

  static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static int requireDigits(JsonLexer l, int from, String what) throws OtlpDecodeException {
    if (!digit(l.b, from)) {
      throw l.malformed(from, "expected " + what + ", got " + l.what(from));
    }
    return digits(l.b, from);
  }

  private static int digits(byte[] b, int i) {
    while (digit(b, i)) {
      i++;
    }
    return i;
  }

  private static boolean digit(byte[] b, int i) {
    return i < b.length && b[i] >= '0' && b[i] <= '9';
  }
}
