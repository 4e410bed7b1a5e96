package dev.yardstick.ingest.otlp;

import static dev.yardstick.ingest.otlp.OtlpJsonDecoderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON rules of the OTLP/JSON decoder's own tokenizer, through the decoder. */
class JsonCursorTest {
  private final OtlpJsonDecoder decoder = new OtlpJsonDecoder();

  @Test
  void strings_everyEscapeSurrogatePairsAndRawUtf8_decodeToTheSameText() throws Exception {
    assertThat(resourceValue("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u00E9 \\ud83d\\ude80\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\té\u00e9 \ud83d\ude80");
    assertThat(resourceValue("\"J\u00f6rg \\n \ud83d\ude80 end\"")).isEqualTo("J\u00f6rg \n \ud83d\ude80 end");
    assertThat(resourceValue("\"lone \\ud800 half\"")).isEqualTo("lone \ud800 half");
    assertThat(resourceValue("\"\\u0000\"")).isEqualTo("\u0000");
  }

  @Test
  void strings_invalidUtf8_becomesReplacementCharacters() throws Exception {
    byte[] body = json("{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"a#b\"}}]}}]}");
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '#') {
        body[i] = (byte) 0xC3; // a lead byte with no continuation
      }
    }
    assertThat(decoder.decodeMetrics(body).resources().get(0).resource().get(0).value()).isEqualTo("a\ufffdb");
  }

  @Test
  void numbers_fractionsExponentsAndLargeIntegers_readAsTheJdkReadsThem() throws Exception {
    assertThat(pointValue("\"asDouble\":1.5e3")).isEqualTo(1500.0);
    assertThat(pointValue("\"asDouble\":-2.5E-2")).isEqualTo(-0.025);
    assertThat(pointValue("\"asDouble\":0.0412")).isEqualTo(0.0412);
    assertThat(pointValue("\"asDouble\":0.05123456789012345")).isEqualTo(0.05123456789012345);
    assertThat(Double.doubleToRawLongBits(pointValue("\"asDouble\":-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(pointValue("\"asDouble\":-0"))).isEqualTo(0L); // an integer token, as before
    assertThat(pointValue("\"asDouble\":12345678901234567890123")).isEqualTo(1.2345678901234568E22);
    assertThat(pointValue("\"asDouble\":1e400")).isInfinite();
    assertThat(pointValue("\"asDouble\":\"NaN\"")).isNaN();
    assertThat(pointValue("\"asDouble\":\" -Infinity \"")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(pointValue("\"asInt\":1.5e3")).isEqualTo(1500.0);
    assertThat(pointValue("\"asInt\":-9223372036854775808")).isEqualTo((double) Long.MIN_VALUE);
    assertThat(onlyPoint("\"timeUnixNano\":\"18446744073709551615\"").timeNanos()).isEqualTo(-1L); // uint64, as the OTLP rules allow
    assertThat(onlyPoint("\"timeUnixNano\":\" 42 \"").timeNanos()).isEqualTo(42L);
    assertThat(onlyPoint("\"timeUnixNano\":\"1787400060000000000\"").timeNanos()).isEqualTo(1_787_400_060_000_000_000L);
    assertThat(onlyPoint("\"timeUnixNano\":\"9223372036854775808\"").timeNanos()).isEqualTo(Long.MIN_VALUE);
    assertThat(onlyPoint("\"timeUnixNano\":-9223372036854775808").timeNanos()).isEqualTo(Long.MIN_VALUE);
    assertThat(onlyPoint("\"timeUnixNano\":\"-9223372036854775808\"").timeNanos()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void numbers_outOfRangeOrNotIntegers_nameThePath() {
    String at = "resourceMetrics[0].scopeMetrics[0].metrics[0].gauge.dataPoints[0].";
    assertThatThrownBy(() -> onlyPoint("\"timeUnixNano\":18446744073709551615"))
        .hasMessage(at + "timeUnixNano: integer out of the 64-bit range: 18446744073709551615");
    assertThatThrownBy(() -> onlyPoint("\"timeUnixNano\":9223372036854775808"))
        .hasMessage(at + "timeUnixNano: integer out of the 64-bit range: 9223372036854775808");
    assertThatThrownBy(() -> onlyPoint("\"timeUnixNano\":\"-9223372036854775809\""))
        .hasMessage(at + "timeUnixNano: expected an integer, got \"-9223372036854775809\"");
    assertThatThrownBy(() -> onlyPoint("\"timeUnixNano\":1.5")).hasMessage(at + "timeUnixNano: expected an integer, got 1.5");
    assertThatThrownBy(() -> onlyPoint("\"asDouble\":\"x\"")).hasMessage(at + "asDouble: expected a number, got \"x\"");
    assertThatThrownBy(() -> onlyPoint("\"asDouble\":true")).hasMessage(at + "asDouble: expected a number, got a boolean");
  }

  @Test
  void malformed_namesLineAndColumn() {
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\n  \"resourceMetrics\": [}\n")))
        .isInstanceOf(OtlpDecodeException.class).hasMessage("malformed JSON at line 2, column 23: unexpected '}'");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":01}")))
        .hasMessage("malformed JSON at line 1, column 6: a number may not start with 0");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":\"x\\q\"}")))
        .hasMessage("malformed JSON at line 1, column 9: invalid escape \\'q'");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":\"\\u12g4\"}")))
        .hasMessageStartingWith("malformed JSON at line 1, column 11: expected four hex digits");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":\"tab\there\"}")))
        .hasMessageContaining("control character 0x09");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":1,}"))).hasMessageContaining("expected a member name");
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"a\":\"open"))).hasMessageContaining("unterminated string");
  }

  @Test
  void skippedFields_areCheckedToo() {
    for (String bad : new String[] {"[1,,2]", "[1 2]", "{\"a\" 1}", "{\"a\":}", "tru", "nul", "-", "1.", "1e", ".5", "+1",
        "[1,]", "{\"a\":1,}", "'x'", "\"\\x\"", "NaN", "[", "{"}) {
      assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"unknown\":" + bad + "}"))).as(bad)
          .isInstanceOf(OtlpDecodeException.class).hasMessageStartingWith("malformed JSON at line 1");
    }
  }

  @Test
  void nesting_upTo64Levels() throws Exception {
    assertThat(decoder.decodeMetrics(json("{\"x\":" + "[".repeat(63) + "]".repeat(63) + "}")).resources()).isEmpty();
    assertThatThrownBy(() -> decoder.decodeMetrics(json("{\"x\":" + "[".repeat(64) + "]".repeat(64) + "}")))
        .hasMessage("malformed JSON at line 1, column 69: nested deeper than 64 levels");
  }

  @Test
  void trailingContent_isRejected_whiteSpaceIsNot() throws Exception {
    assertThat(decoder.decodeLogs(json(" {}\r\n\t ")).resources()).isEmpty();
    assertThatThrownBy(() -> decoder.decodeLogs(json("{} {}")))
        .hasMessage("malformed JSON at line 1, column 4: unexpected '{' after the top-level JSON object");
    assertThatThrownBy(() -> decoder.decodeLogs(json("{}\u0000"))).hasMessageContaining("after the top-level JSON object");
  }

  @Test
  void byteOrderMarksAndUtf16_decodeAsUtf8Does() throws Exception {
    String body = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"J\u00f6rg\"}}]}}]}";
    Otlp.MetricsExport expected = decoder.decodeMetrics(json(body));
    assertThat(decoder.decodeMetrics(json("\ufeff" + body))).isEqualTo(expected);
    assertThat(decoder.decodeMetrics(body.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(expected);
    assertThat(decoder.decodeMetrics(body.getBytes(StandardCharsets.UTF_16))).isEqualTo(expected); // big-endian with a mark
  }

  @Test
  void compactAttributes_readAsTheGeneralReaderReadsThem() throws Exception {
    for (String fixture : List.of("cases/metrics-digest-pin.json", "cases/metrics-every-claude-code-metric.json",
        "cases/metrics-cumulative-lenient.json", "claude-code-2.1.197/003-otel_v1_metrics.json")) {
      String body = new String(OtlpJsonDecoderTest.fixture(fixture), StandardCharsets.UTF_8);
      // a space after an attribute's brace is still JSON, but not the compact form, so every attribute takes the general way
      assertThat(decoder.decodeMetrics(json(body))).as(fixture).usingRecursiveComparison()
          .isEqualTo(decoder.decodeMetrics(json(body.replace("{\"key\":", "{ \"key\":"))));
    }
    for (String fixture : List.of("cases/logs-digest-pin.json", "cases/logs-main-events.json",
        "claude-code-2.1.197/004-otel_v1_logs.json")) {
      String body = new String(OtlpJsonDecoderTest.fixture(fixture), StandardCharsets.UTF_8);
      assertThat(decoder.decodeLogs(json(body))).as(fixture).usingRecursiveComparison()
          .isEqualTo(decoder.decodeLogs(json(body.replace("{\"key\":", "{ \"key\":"))));
    }
  }

  @Test
  void compactAttributes_atTheDepthLimit_refusedAsByTheGeneralReader() throws Exception {
    assertThat(decoder.decodeMetrics(json(nestedAttribute(17))).resources()).hasSize(1);
    assertThatThrownBy(() -> decoder.decodeMetrics(json(nestedAttribute(18))))
        .hasMessageContaining("nested deeper than 64 levels");
  }

  /** An attribute in a kvlistValue inside {@code levels} arrayValues: 18 puts the attribute's object at depth 64. */
  private static String nestedAttribute(int levels) {
    return "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
        + "{\"arrayValue\":{\"values\":[".repeat(levels) + "{\"kvlistValue\":{\"values\":["
        + "{\"key\":\"k\",\"value\":{\"stringValue\":\"v\"}}]}}" + "]}}".repeat(levels) + "}]}}]}";
  }

  private Object resourceValue(String jsonString) throws OtlpDecodeException {
    return decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
        + "{\"stringValue\":" + jsonString + "}}]}}]}")).resources().get(0).resource().get(0).value();
  }

  private double pointValue(String field) throws OtlpDecodeException {
    return onlyPoint(field).value();
  }

  private Otlp.NumberPoint onlyPoint(String field) throws OtlpDecodeException {
    return decoder.decodeMetrics(json("{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"x\",\"gauge\":"
        + "{\"dataPoints\":[{" + field + "}]}}]}]}]}")).resources().get(0).scopes().get(0).metrics().get(0).points().get(0);
  }
}
