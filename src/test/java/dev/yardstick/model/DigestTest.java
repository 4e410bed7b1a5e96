package dev.yardstick.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void finish_sameFieldsSameKey_anyDifferenceAnotherKey() {
    assertThat(key("a", "b")).isEqualTo(key("a", "b"));
    assertThat(key("a", "b")).isNotEqualTo(key("b", "a"));
    assertThat(key("ab", "")).isNotEqualTo(key("a", "b")); // length-prefixed: boundaries count
    assertThat(key(null, "b")).isNotEqualTo(key("", "b"));
    assertThat(new Digest().putMap(new TreeMap<>(Map.of("k", "v"))).finish())
        .isNotEqualTo(new Digest().putMap(new TreeMap<>(Map.of("k", "w"))).finish());
  }

  @Test
  void finish_manySimilarInputs_noCollisionInEitherHalf() {
    Set<Long> hi = new HashSet<>();
    Set<Long> lo = new HashSet<>();
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      long[] k = new Digest().putString("claude_code.token.usage").putLong(1_795_000_000_000_000_000L + i * 60_000_000_000L)
          .putLong(Double.doubleToLongBits(r.nextInt(100))).putString("session-" + (i % 97)).finish();
      assertThat(hi.add(k[0])).isTrue();
      assertThat(lo.add(k[1])).isTrue();
    }
  }

  @Test
  void putMap_longValues_sameKeyAsTheirDecimalText() {
    SplittableRandom r = new SplittableRandom(7);
    long[] values = new long[200];
    values[0] = Long.MIN_VALUE;
    values[1] = Long.MAX_VALUE;
    values[2] = -1;
    for (int i = 3; i < values.length; i++) {
      values[i] = r.nextLong() >> r.nextInt(64);
    }
    for (long v : values) {
      assertThat(new Digest().putMap(Map.of("k", v)).finish()).as("%d", v)
          .isEqualTo(new Digest().putMap(Map.of("k", Long.toString(v))).finish());
    }
  }

  private static String key(String a, String b) {
    long[] k = new Digest().putString(a).putString(b).finish();
    return k[0] + ":" + k[1];
  }
}
