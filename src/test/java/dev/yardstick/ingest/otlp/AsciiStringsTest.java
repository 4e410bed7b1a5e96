package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AsciiStringsTest {
  @Test
  void of_aStringThatRepeats_oneInstanceFromItsSecondTimeOn() {
    byte[] body = "..\"session-4a2b-9c3d\"..".getBytes(StandardCharsets.US_ASCII);
    AsciiStrings.of(body, 3, 20, ByteWords.hash(body, 3, 20));
    String second = AsciiStrings.of(body, 3, 20, ByteWords.hash(body, 3, 20));
    byte[] later = "{\"k\":\"session-4a2b-9c3d\"}".getBytes(StandardCharsets.US_ASCII);

    assertThat(second).isEqualTo("session-4a2b-9c3d");
    assertThat(AsciiStrings.of(later, 6, 23, ByteWords.hash(later, 6, 23))).isSameAs(second);
  }

  @Test
  void of_longStrings_areMadeEachTime() {
    byte[] b = "x".repeat(AsciiStrings.MAX_LENGTH + 1).getBytes(StandardCharsets.US_ASCII);
    String first = AsciiStrings.of(b, 0, b.length, ByteWords.hash(b, 0, b.length));
    String second = AsciiStrings.of(b, 0, b.length, ByteWords.hash(b, 0, b.length));

    assertThat(second).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void of_manyThreadsOverFarMoreStringsThanSlots_alwaysTheTextOfTheBytes() throws Exception {
    List<byte[]> pool = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 4 * AsciiStrings.SLOTS; i++) {
      byte[] b = new byte[1 + r.nextInt(AsciiStrings.MAX_LENGTH)];
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) ('a' + r.nextInt(3)); // few letters: many strings share their first words
      }
      pool.add(b);
    }
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(threads.submit(() -> {
          SplittableRandom pick = new SplittableRandom(seed);
          int wrong = 0;
          for (int i = 0; i < 200_000; i++) {
            byte[] b = pool.get(pick.nextInt(pool.size()));
            String s = AsciiStrings.of(b, 0, b.length, ByteWords.hash(b, 0, b.length));
            wrong += s.equals(new String(b, StandardCharsets.US_ASCII)) ? 0 : 1;
          }
          return wrong;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isZero();
      }
    }
  }
}
