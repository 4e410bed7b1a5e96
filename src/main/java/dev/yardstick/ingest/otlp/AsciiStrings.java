package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;

/** Short ASCII strings read from bodies. */
final class AsciiStrings {
  private AsciiStrings() {}

  static String of(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
