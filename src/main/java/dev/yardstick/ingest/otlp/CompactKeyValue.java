package dev.yardstick.ingest.otlp;

import java.nio.charset.StandardCharsets;

/**
 * A KeyValue in the compact form OTLP exporters write, {@code {"key":"K","value":{"stringValue":"V"}}}
 * (or intValue, doubleValue, boolValue), read by matching its fixed bytes instead of walking it
 * member by member: attributes are most of an export. Anything else, or any value that could be an
 * error, is left to the general reader, which then starts from the same place.
 */
final class CompactKeyValue {
  private static final long KEY = word("\"key\":\"");
  private static final long VALUE_1 = word(",\"value\"");
  private static final long VALUE_2 = word(":{\"");
  private static final long STRING_VALUE_1 = word("stringVa");
  private static final long STRING_VALUE_2 = word("lue\":\"");
  private static final long INT_VALUE_1 = word("intValue");
  private static final long INT_VALUE_2 = word("\":");
  private static final long END = word("}}");

  private CompactKeyValue() {}

  /** The KeyValue of the object at the current value (not yet entered), or null having read nothing. */
  static Otlp.KeyValue read(JsonCursor c) throws OtlpDecodeException {
    JsonLexer lex = c.lexer();
    int mark = lex.position();
    if (!lex.canNest() || !lex.skip(KEY, 7)) {
      return null;
    }
    lex.stringHere();
    String key = JsonStrings.text(lex, lex.start, lex.end);
    if (!lex.skip(VALUE_1, VALUE_2, 3)) {
      lex.reset(mark);
      return null;
    }
    Object value = lex.skip(STRING_VALUE_1, STRING_VALUE_2, 6) ? stringValue(c, lex)
        : lex.skip(INT_VALUE_1, INT_VALUE_2, 2) ? intValue(c, lex) : otherValue(c, lex);
    if (value == null || !lex.skip(END, 2)) {
      lex.reset(mark);
      return null;
    }
    lex.leave();
    return new Otlp.KeyValue(key, value);
  }

  // the common variants, their names matched as bytes
  private static String stringValue(JsonCursor c, JsonLexer lex) throws OtlpDecodeException {
    lex.stringHere();
    return c.string();
  }

  private static Long intValue(JsonCursor c, JsonLexer lex) throws OtlpDecodeException {
    if (lex.atContainer()) {
      return null;
    }
    lex.value();
    return c.int64OrNull();
  }

  // any variant: its name looked up, its value read only where that cannot fail
  private static Object otherValue(JsonCursor c, JsonLexer lex) throws OtlpDecodeException {
    lex.stringHere();
    JsonField variant = lex.escaped || !lex.ascii ? JsonField.OTHER : JsonField.of(lex.b, lex.start, lex.end, lex.hash).field();
    if (!lex.skip(':', 1) || lex.atContainer()) {
      return null;
    }
    lex.value();
    return switch (variant) {
      case STRING_VALUE -> lex.kind == JsonLexer.STRING ? c.string() : null;
      case INT_VALUE -> c.int64OrNull();
      case DOUBLE_VALUE -> lex.kind == JsonLexer.INTEGER || lex.kind == JsonLexer.DECIMAL ? c.float64() : null;
      case BOOL_VALUE -> lex.kind == JsonLexer.TRUE || lex.kind == JsonLexer.FALSE ? c.bool() : null;
      default -> null;
    };
  }

  private static long word(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return ByteWords.word(b, 0, b.length);
  }
}
