package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;

/** JSON strings in the body's bytes: found and checked by {@link #scan}, turned into text by {@link #text}. */
final class JsonStrings {
  // bytes that end the plain run of a string (as ByteWords.stops finds them eight at a time)
  private static final boolean[] STOP = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      STOP[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    }
  }

  private JsonStrings() {}

  /**
   * The index of the closing quote of the string whose text starts at {@code from}; sets the lexer's
   * escaped and ascii, and its hash when the string is plain ASCII.
   */
  static int scan(JsonLexer l, int from) throws OtlpDecodeException {
    byte[] b = l.b;
    long h = ByteWords.SEED;
    // the common string is one plain run: read eight bytes at a time and hashed on the way
    for (int i = from; i + 8 <= b.length; i += 8) {
      long w = ByteWords.word(b, i, i + 8);
      long stops = ByteWords.stops(w);
      if (stops != 0) {
        int k = Long.numberOfTrailingZeros(stops) >>> 3;
        if (b[i + k] != '"') {
          return special(l, from, i + k);
        }
        l.escaped = false;
        l.ascii = true;
        l.hash = ByteWords.finish(k == 0 ? h : ByteWords.mix(h, w & (1L << (k << 3)) - 1), i + k - from);
        return i + k;
      }
      h = ByteWords.mix(h, w);
    }
    return special(l, from, from + (b.length - from & ~7));
  }

  /** The rest of a string from {@code i} on, byte by byte: escapes, non-ASCII text, and the last bytes of the body. */
  private static int special(JsonLexer l, int from, int i) throws OtlpDecodeException {
    byte[] b = l.b;
    boolean escaped = false;
    boolean ascii = true;
    while (true) {
      while (i < b.length && !STOP[b[i] & 0xff]) {
        i++;
      }
      if (i >= b.length) {
        throw l.malformed(i, "unterminated string");
      }
      int c = b[i] & 0xff;
      if (c == '"') {
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
    l.hash = ascii && !escaped ? ByteWords.hash(b, from, i) : 0;
    return i;
  }

  /** The text of the string last scanned; invalid UTF-8 becomes U+FFFD, as in Go's encoding/json. */
  static String text(JsonLexer l, int from, int to) {
    if (l.escaped) {
      return unescape(l.b, from, to);
    }
    return l.ascii ? AsciiStrings.of(l.b, from, to, l.hash) : new String(l.b, from, to - from, StandardCharsets.UTF_8);
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
