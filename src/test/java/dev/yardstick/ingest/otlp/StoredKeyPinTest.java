package dev.yardstick.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.FactGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The keys of fixed payloads as the first release computed them: stored keys de-duplicate client
 * retries, also across a server upgrade, so a change to decoding or mapping must not move them.
 */
class StoredKeyPinTest {
  private static final Map<String, String> PINNED = new TreeMap<>(Map.ofEntries(
      Map.entry("cases/logs-digest-pin.json",
          "580cb84aac78cd3825036cb46579acb0 77eae4654a5d42683310baf322c41f6e"),
      Map.entry("cases/logs-main-events.json",
          "5534bbfca3a79f6e9cbb4250f6c968ea"),
      Map.entry("cases/metrics-cumulative-lenient.json",
          "4a5f975feebf7fea5150b92881b973e4"),
      Map.entry("cases/metrics-digest-pin.json",
          "38c79f7aa472231f366d206dc5fb9a99 85d15daa706cf136e98058d12eaaf86a f3366f5e797746f8d8e83a652fa6c801"),
      Map.entry("cases/metrics-every-claude-code-metric.json",
          "e747f4c828d1a2da6e144bffe5d168e3"),
      Map.entry("claude-code-2.1.197/001-otel_v1_metrics.json",
          "96278c39ba8e497fd44c3076de3608c0"),
      Map.entry("claude-code-2.1.197/002-otel_v1_logs.json",
          "27eef9017b8bfc8a88b9c899607d8bea"),
      Map.entry("claude-code-2.1.197/003-otel_v1_metrics.json",
          "a66d6b5aee855fa64bab39243d56f52d"),
      Map.entry("claude-code-2.1.197/004-otel_v1_logs.json",
          "5bc17260ce019f1c309d7c6a0f7eb3d6"),
      Map.entry("claude-code-2.1.197/005-otel_v1_metrics.json",
          "346c825912647f535bfcd7acddd52fca"),
      Map.entry("claude-code-2.1.197/006-otel_v1_logs.json",
          "2becb1c99565b5a3d7c368be24716087"),
      Map.entry("claude-code-2.1.197/007-otel_v1_metrics.json",
          "cafe4b12e7de1ee0ca759bc88b7bc5ca"),
      Map.entry("claude-code-2.1.197/008-otel_v1_metrics.json",
          "5ecac0f2ccadb2549b665d36c89af7d9"),
      Map.entry("claude-code-2.1.197/009-otel_v1_logs.json",
          "fe827d93961bbcfe9e49025cfcb48d1e"),
      Map.entry("claude-code-2.1.197/010-otel_v1_logs.json",
          "9f3a45b35ad2c18a61bf9b8bafccc488"),
      Map.entry("claude-code-2.1.197/011-otel_v1_metrics.json",
          "3c38b044a72b86e1ae56d2f358b4d9fe")));

  @Test
  void keys_ofFixedPayloads_areThoseOfTheFirstRelease() throws Exception {
    Map<String, String> actual = new TreeMap<>();
    for (String fixture : PINNED.keySet()) {
      actual.put(fixture, keys(fixture));
    }
    assertThat(actual).isEqualTo(PINNED);
  }

  private static String keys(String fixture) throws OtlpDecodeException {
    // when the exports arrived: the made-up cases on 2026-08-22, the captured session on 2026-11-23
    Instant now = Instant.parse(fixture.startsWith("cases/") ? "2026-08-22T12:30:00Z" : "2026-11-24T00:00:00Z");
    byte[] body = OtlpJsonDecoderTest.fixture(fixture);
    ClaudeCodeMapper mapper = new ClaudeCodeMapper();
    OtlpJsonDecoder decoder = new OtlpJsonDecoder();
    List<FactGroup> groups = fixture.contains("logs") || fixture.contains("events")
        ? mapper.mapLogs(decoder.decodeLogs(body), "Header@Example.com", now).groups()
        : mapper.mapMetrics(decoder.decodeMetrics(body), "Header@Example.com", now).groups();
    return groups.stream().map(g -> String.format("%016x%016x", g.keyHi(), g.keyLo()))
        .collect(Collectors.joining(" "));
  }
}
