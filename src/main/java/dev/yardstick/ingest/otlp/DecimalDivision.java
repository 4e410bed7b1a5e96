package dev.yardstick.ingest.otlp;

/**
 * {@code m / 10^k} correctly rounded for decimals of 16 to 18 significant digits, which the JDK
 * parses through big integers (OTLP costs such as 0.028306397069389576 are of this kind). A close
 * double is corrected against the exact quotient: the quotient is compared with the midpoints
 * between neighbouring doubles in 128-bit integer arithmetic, and a tie goes to the even one.
 */
final class DecimalDivision {
  private static final long[] FIVES = new long[23];
  private static final double[] TENS = new double[23];

  static {
    FIVES[0] = 1;
    TENS[0] = 1;
    for (int i = 1; i < FIVES.length; i++) {
      FIVES[i] = FIVES[i - 1] * 5;
      TENS[i] = TENS[i - 1] * 10; // exact up to 1e22
    }
  }

  private DecimalDivision() {}

  /** For {@code 0 < m < 10^18} and {@code 1 <= k <= 22}; NaN where this cannot tell, for the caller to ask the JDK. */
  static double divide(long m, int k) {
    double c = m / TENS[k]; // two roundings: within two units in the last place of the quotient
    for (int step = 0; step < 4; step++) {
      int above = compare(m, k, c);
      int below = compare(m, k, Math.nextDown(c));
      if (above == UNKNOWN || below == UNKNOWN) {
        return Double.NaN;
      }
      if (above > 0) {
        c = Math.nextUp(c);
      } else if (below < 0) {
        c = Math.nextDown(c);
      } else if (above == 0) {
        return even(c) ? c : Math.nextUp(c);
      } else {
        return below == 0 && !even(c) ? Math.nextDown(c) : c;
      }
    }
    return Double.NaN;
  }

  private static final int UNKNOWN = Integer.MIN_VALUE;

  /**
   * The sign of {@code m / 10^k} minus the midpoint between {@code x} and the next double up, or
   * UNKNOWN. With x = M * 2^E that midpoint is (2M + 1) * 2^(E - 1), so the sign is that of
   * m against (2M + 1) * 5^k * 2^(k + E - 1), all integers.
   */
  private static int compare(long m, int k, double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) & 0x7ff;
    if (exponent == 0 || exponent == 0x7ff || bits < 0) {
      return UNKNOWN;
    }
    long odd = 2 * ((bits & (1L << 52) - 1) | 1L << 52) + 1;
    long hi = Math.unsignedMultiplyHigh(odd, FIVES[k]);
    long lo = odd * FIVES[k];
    int shift = k + exponent - 1075 - 1;
    if (shift >= 0) {
      if (shift > 10) {
        return -1; // the midpoint is past 2^64, m is not
      }
      return compare128(0, m, shift == 0 ? hi : hi << shift | lo >>> 64 - shift, lo << shift);
    }
    int t = -shift;
    if (t > 64) {
      return UNKNOWN;
    }
    return t == 64 ? compare128(m, 0, hi, lo) : compare128(m >>> 64 - t, m << t, hi, lo);
  }

  private static int compare128(long aHi, long aLo, long bHi, long bLo) {
    int c = Long.compareUnsigned(aHi, bHi);
    return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
  }

  private static boolean even(double x) {
    return (Double.doubleToRawLongBits(x) & 1) == 0;
  }
}
