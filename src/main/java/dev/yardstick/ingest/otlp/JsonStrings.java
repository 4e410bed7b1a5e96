package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;

/** JSON strings in the body's bytes: found and checked by {@link #scan}, turned into text by {@link #text}. */
final class JsonStrings {
  // bytes that end the plain run of a string: the quote, the backslash, control characters and every non-ASCII byte
  private static final boolean[] STOP = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      STOP[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    }
  }

  private JsonStrings() {}

  /** The index of the closing quote of the string whose text starts at {@code from}; sets the lexer's escaped and ascii. */
  static int scan(JsonLexer l, int from) throws OtlpDecodeException {
    byte[] b = l.b;
    boolean escaped = false;
    boolean ascii = true;
    int i = from;
    while (true) {
      if (i >= b.length) {
        throw l.malformed(i, "unterminated string");
      }
      int c = b[i] & 0xff;
      if (!STOP[c]) {
        i++;
      } else if (c == '"') {
        break;
      } else if (c == '\\') {
        escaped = true;
        i = escape(l, i);
      } else if (c >= 0x80) {
        ascii = false;
        i++;
      } else {
        throw l.malformed(i, String.format("control character 0x%02x in a string (it must be escaped)", c));
      }
    }
    l.escaped = escaped;
    l.ascii = ascii;
    return i;
  }

  /** The text of the string last scanned; invalid UTF-8 becomes U+FFFD, as in Go's encoding/json. */
  static String text(JsonLexer l, int from, int to) {
    if (l.escaped) {
      return unescape(l.b, from, to);
    }
    return l.ascii ? AsciiStrings.of(l.b, from, to) : new String(l.b, from, to - from, StandardCharsets.UTF_8);
  }

  /** Checks the escape at {@code at} (a backslash) and returns the index after it. */
  private static int escape(JsonLexer l, int at) throws OtlpDecodeException {
    byte[] b = l.b;
    int c = at + 1 < b.length ? b[at + 1] : -1;
    switch (c) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return at + 2;
      }
      case 'u' -> {
        for (int k = at + 2; k < at + 6; k++) {
          if (k >= b.length || Character.digit(b[k], 16) < 0) {
            throw l.malformed(k, "expected four hex digits after \\u, got " + l.what(k));
          }
        }
        return at + 6;
      }
      default -> throw l.malformed(at + 1, c < 0 ? "unterminated string" : "invalid escape \\" + l.what(at + 1));
    }
  }

  // \\uXXXX escapes are taken as UTF-16 units as they come, so a pair makes one character (and a lone half stays one)
  private static String unescape(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int run = from;
    int i = from;
    while (i < to) {
      if (b[i] != '\\') {
        i++;
        continue;
      }
      sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
      char e = (char) b[i + 1];
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
      i += 2;
      run = i;
    }
    return sb.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
  }
}
