package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decimals read in place give the very double the JDK gives. */
class JsonNumbersTest {
  @Test
  void decimal_randomDecimals_sameBitsAsTheJdk() {
    SplittableRandom r = new SplittableRandom(11);
    for (int n = 0; n < 1_000_000; n++) {
      StringBuilder sb = new StringBuilder(r.nextBoolean() ? "-" : "");
      int digits = 1 + r.nextInt(20);
      int point = r.nextInt(digits + 1);
      sb.append(r.nextInt(4) == 0 ? "0." + "0".repeat(r.nextInt(8)) : "");
      for (int d = 0; d < digits; d++) {
        sb.append(d == 0 && sb.indexOf(".") < 0 ? (char) ('1' + r.nextInt(9)) : (char) ('0' + r.nextInt(10)));
        if (d == point - 1 && d < digits - 1 && sb.indexOf(".") < 0) {
          sb.append('.');
        }
      }
      if (sb.indexOf(".") < 0 || r.nextInt(4) == 0) {
        sb.append(sb.indexOf(".") < 0 ? ".5" : "").append(r.nextInt(3) == 0 ? "e" + (r.nextInt(60) - 30) : "");
      }
      assertSameAsJdk(sb.toString());
    }
  }

  @Test
  void decimal_exactTiesBetweenTwoDoubles_goToTheEvenOne() {
    SplittableRandom r = new SplittableRandom(5);
    BigInteger two53 = BigInteger.ONE.shiftLeft(53);
    for (int n = 0; n < 20_000; n++) {
      // doubles in [2^53, 2^54) are two apart, so an odd integer there is halfway; in [2^54, 2^55) four apart
      BigInteger odd = two53.add(BigInteger.valueOf(r.nextLong(1L << 52) * 2 + 1));
      BigInteger twoMod4 = two53.shiftLeft(1).add(BigInteger.valueOf(r.nextLong(1L << 51) * 4 + 2));
      for (BigInteger tie : new BigInteger[] {odd, twoMod4}) {
        assertSameAsJdk(tie + ".0");
        assertSameAsJdk(tie + ".00");
        assertSameAsJdk(tie + ".01");
        assertSameAsJdk(tie.subtract(BigInteger.ONE) + ".99");
      }
    }
  }

  @Test
  void decimal_costsAsClientsPrintThem_sameBitsAsTheJdk() {
    SplittableRandom r = new SplittableRandom(17);
    for (int n = 0; n < 200_000; n++) {
      assertSameAsJdk(Double.toString(r.nextDouble() / (1 + r.nextInt(1000))));
      assertSameAsJdk(Double.toString(r.nextDouble() * 1000));
    }
    assertSameAsJdk("0.028306397069389576");
    assertSameAsJdk("123456789012345678.5e-3");
    assertSameAsJdk("0.1");
    assertSameAsJdk("-0.000000000000000000001234567890123456");
  }

  private static void assertSameAsJdk(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Double.doubleToRawLongBits(JsonNumbers.decimal(b, 0, b.length))).as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }
}
