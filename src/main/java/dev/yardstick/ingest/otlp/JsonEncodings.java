package dev.yardstick.ingest.otlp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** JSON bodies as UTF-8: one in UTF-16 or UTF-32 is re-encoded, as the streaming parser used before did. */
final class JsonEncodings {
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private JsonEncodings() {}

  /**
   * The body itself unless it starts with a UTF-16 or UTF-32 byte-order mark or with the zero bytes
   * those encodings put around an ASCII first character (RFC 4627's rule); a kept mark becomes a
   * UTF-8 one, which the lexer skips.
   */
  static byte[] utf8(byte[] b) {
    Charset cs = b.length < 2 ? null : detect(b[0] & 0xff, b[1] & 0xff, at(b, 2), at(b, 3));
    return cs == null ? b : new String(b, cs).getBytes(StandardCharsets.UTF_8);
  }

  private static Charset detect(int b0, int b1, int b2, int b3) {
    if (b0 == 0 && b1 == 0) {
      return UTF_32BE;
    }
    if (b1 == 0 && b2 == 0 && b3 == 0 || b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
      return UTF_32LE;
    }
    if (b0 == 0 || b0 == 0xFE && b1 == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b1 == 0 || b0 == 0xFF && b1 == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  // a byte beyond the end reads as 1, which no rule above takes for a zero or a mark byte
  private static int at(byte[] b, int i) {
    return i < b.length ? b[i] & 0xff : 1;
  }
}
