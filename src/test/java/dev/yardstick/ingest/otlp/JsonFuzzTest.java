package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations and truncations of real payloads: the decoders answer with a result or an
 * OtlpDecodeException, nothing else and never a hang; and what a strict reference parser (Jackson,
 * set to the same rules) calls malformed, our tokenizer calls malformed too, and the reverse.
 */
class JsonFuzzTest {
  private static final List<String> SEEDS = List.of("cases/metrics-every-claude-code-metric.json",
      "cases/metrics-cumulative-lenient.json", "cases/metrics-digest-pin.json", "cases/logs-main-events.json",
      "cases/logs-digest-pin.json", "claude-code-2.1.197/004-otel_v1_logs.json", "spec-examples/metrics.json");
  private static final byte[] INTERESTING = "{}[]\":,\\/-+.eE0123456789abfnrtu \n\t".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper REFERENCE = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  @Test
  void mutatedPayloads_resultOrDecodeException_malformedExactlyWhenTheReferenceSaysSo() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      SplittableRandom random = new SplittableRandom(20261206);
      List<byte[]> seeds = SEEDS.stream().map(OtlpJsonDecoderTest::fixture).toList();
      int[] verdicts = new int[3];
      for (int i = 0; i < 30_000; i++) {
        byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), random, 1 + random.nextInt(3));
        Verdict ours = verdict(body);
        verdicts[ours.ordinal()]++;
        if (ours != Verdict.UNKNOWN && validUtf8(body)) { // the reference refuses invalid UTF-8 that we read as U+FFFD
          assertThat(ours == Verdict.MALFORMED).as(new String(body, StandardCharsets.UTF_8))
              .isEqualTo(malformedToReference(body));
        }
      }
      assertThat(verdicts[Verdict.MALFORMED.ordinal()]).as("mutations that broke the syntax").isGreaterThan(5_000);
      assertThat(verdicts[Verdict.WELL_FORMED.ordinal()]).as("mutations that kept it").isGreaterThan(2_000);
    });
  }

  /** What a decoder found: a syntax error, a whole body read, or neither (a type error stopped it first). */
  private enum Verdict { MALFORMED, WELL_FORMED, UNKNOWN }

  /** Decodes the body as metrics and as logs (which skips nearly all of a metrics body, and the reverse). */
  private Verdict verdict(byte[] body) {
    boolean read = false;
    boolean malformed = false;
    for (int signal = 0; signal < 2; signal++) {
      try {
        assertThat(signal == 0 ? decoder.decodeMetrics(body) : decoder.decodeLogs(body)).isNotNull();
        read = true;
      } catch (OtlpDecodeException e) {
        malformed |= e.getMessage().startsWith("malformed JSON");
      }
    }
    assertThat(read && malformed).as("read whole once and malformed once: %s", new String(body, StandardCharsets.UTF_8)).isFalse();
    return malformed ? Verdict.MALFORMED : read ? Verdict.WELL_FORMED : Verdict.UNKNOWN;
  }

  private static boolean malformedToReference(byte[] body) {
    try {
      REFERENCE.readTree(body);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static byte[] mutate(byte[] seed, SplittableRandom r, int times) {
    byte[] b = seed;
    for (int t = 0; t < times && b.length > 0; t++) {
      int at = r.nextInt(b.length);
      b = switch (r.nextInt(6)) {
        case 0 -> Arrays.copyOf(b, at); // truncated
        case 1 -> splice(b, at, at + 1 + r.nextInt(Math.min(8, b.length - at)), new byte[0]); // bytes dropped
        case 2 -> splice(b, at, at, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
        case 3 -> splice(b, at, at + 1, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
        case 4 -> splice(b, at, at + 1, new byte[] {(byte) r.nextInt(256)});
        default -> splice(b, at, at, Arrays.copyOfRange(b, r.nextInt(b.length), b.length)); // a tail repeated
      };
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  private static boolean validUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
