package dev.yardstick.ingest.otlp;

import java.util.HashMap;
import java.util.Map;

/**
 * A position in an OTLP/JSON document: typed reads that accept what the OTLP JSON rules allow, and
 * errors that name the path of the bad value (resourceMetrics[0].scopeMetrics[1]...).
 */
final class JsonCursor {
  static final Map<String, Integer> TEMPORALITY = Map.of("AGGREGATION_TEMPORALITY_UNSPECIFIED", 0,
      "AGGREGATION_TEMPORALITY_DELTA", 1, "AGGREGATION_TEMPORALITY_CUMULATIVE", 2);
  static final Map<String, Integer> SEVERITY = severities();

  /** Reads one element of an array. */
  interface Element {
    void read() throws OtlpDecodeException;
  }

  private final JsonLexer lex;
  private final JsonField.Spelling[] names = new JsonField.Spelling[JsonLexer.MAX_DEPTH + 2];
  private final int[] indices = new int[JsonLexer.MAX_DEPTH + 2];
  private int depth;

  JsonCursor(byte[] json) {
    this.lex = new JsonLexer(JsonEncodings.utf8(json));
  }

  void topLevelObject() throws OtlpDecodeException {
    lex.value();
    if (lex.kind != JsonLexer.OBJECT) {
      throw new OtlpDecodeException("expected a JSON object at the top level, got " + describe());
    }
    depth = 1;
    names[1] = null;
  }

  /** Moves to the next field's value; false at the end of the object. */
  boolean nextField() throws OtlpDecodeException {
    if (!lex.nextMember()) {
      depth--;
      return false;
    }
    names[depth] = lex.name;
    indices[depth] = -1;
    return true;
  }

  JsonField field() {
    return names[depth].field();
  }

  boolean isNull() {
    return lex.kind == JsonLexer.NULL;
  }

  /** Enters the object at the current value. */
  void object() throws OtlpDecodeException {
    if (lex.kind != JsonLexer.OBJECT) {
      throw wrongType("an object");
    }
    depth++;
    names[depth] = null;
    indices[depth] = -1;
  }

  /** Reads each element of the array at the current value; null is an empty array. */
  void array(Element element) throws OtlpDecodeException {
    if (isNull()) {
      return;
    }
    if (lex.kind != JsonLexer.ARRAY) {
      throw wrongType("an array");
    }
    int i = 0;
    while (lex.nextElement()) {
      indices[depth] = i++;
      element.read();
    }
    indices[depth] = -1;
  }

  void skip() throws OtlpDecodeException {
    lex.skip();
  }

  /** True if the current value is an object not yet entered. */
  boolean atObject() {
    return lex.kind == JsonLexer.OBJECT;
  }

  JsonLexer lexer() {
    return lex;
  }

  String string() throws OtlpDecodeException {
    return switch (lex.kind) {
      case JsonLexer.STRING -> text();
      case JsonLexer.NULL -> "";
      default -> throw wrongType("a string");
    };
  }

  /** An int64/uint64/fixed64: a decimal string or a JSON number. */
  long int64() throws OtlpDecodeException {
    switch (lex.kind) {
      case JsonLexer.INTEGER -> {
        if (!JsonNumbers.isLong(lex.b, lex.start, lex.end)) {
          throw problem("integer out of the 64-bit range: " + raw());
        }
        return JsonNumbers.parseLong(lex.b, lex.start, lex.end);
      }
      case JsonLexer.DECIMAL -> {
        double d = JsonNumbers.decimal(lex.b, lex.start, lex.end);
        if (d != Math.rint(d) || Math.abs(d) > 9.2e18) {
          throw problem("expected an integer, got " + raw());
        }
        return (long) d;
      }
      case JsonLexer.STRING -> {
        if (!lex.escaped && JsonNumbers.isLong(lex.b, lex.start, lex.end)) {
          return JsonNumbers.parseLong(lex.b, lex.start, lex.end);
        }
        String s = text().trim();
        try {
          return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
          throw problem("expected an integer, got \"" + text() + "\"");
        }
      }
      case JsonLexer.NULL -> {
        return 0;
      }
      default -> throw wrongType("an integer");
    }
  }

  /** The current value as an int64 when it is an integer that fits a long (a number or a plain string), else null. */
  Long int64OrNull() {
    boolean number = lex.kind == JsonLexer.INTEGER || lex.kind == JsonLexer.STRING;
    return number && JsonNumbers.isLong(lex.b, lex.start, lex.end)
        ? JsonNumbers.parseLong(lex.b, lex.start, lex.end) : null;
  }

  /** A double: a JSON number, or a string holding a number, NaN or (-)Infinity. */
  double float64() throws OtlpDecodeException {
    switch (lex.kind) {
      case JsonLexer.INTEGER -> {
        // as a long first, like the reference parser: "-0" is 0.0, not -0.0
        return JsonNumbers.isLong(lex.b, lex.start, lex.end)
            ? (double) JsonNumbers.parseLong(lex.b, lex.start, lex.end) : Double.parseDouble(raw());
      }
      case JsonLexer.DECIMAL -> {
        return JsonNumbers.decimal(lex.b, lex.start, lex.end);
      }
      case JsonLexer.STRING -> {
        String s = text().trim();
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw problem("expected a number, got \"" + text() + "\"");
        }
      }
      default -> throw wrongType("a number");
    }
  }

  boolean bool() throws OtlpDecodeException {
    return switch (lex.kind) {
      case JsonLexer.TRUE -> true;
      case JsonLexer.FALSE, JsonLexer.NULL -> false;
      case JsonLexer.STRING -> Boolean.parseBoolean(text().trim());
      default -> throw wrongType("a boolean");
    };
  }

  /** An enum: its number (the OTLP JSON form) or, leniently, its name. */
  int enumValue(Map<String, Integer> byName) throws OtlpDecodeException {
    if (lex.kind == JsonLexer.STRING) {
      Integer v = byName.get(text().trim());
      if (v != null) {
        return v;
      }
    }
    return (int) int64();
  }

  /** After the top-level object: nothing but whitespace may follow. */
  void end() throws OtlpDecodeException {
    if (!lex.atEnd()) {
      throw lex.malformed(lex.position(), "unexpected " + lex.what(lex.position()) + " after the top-level JSON object");
    }
  }

  OtlpDecodeException problem(String what) {
    return new OtlpDecodeException(path() + ": " + what);
  }

  private String text() {
    return JsonStrings.text(lex, lex.start, lex.end);
  }

  private String raw() {
    return JsonNumbers.ascii(lex.b, lex.start, lex.end);
  }

  private OtlpDecodeException wrongType(String expected) {
    return problem("expected " + expected + ", got " + describe());
  }

  private String path() {
    StringBuilder sb = new StringBuilder();
    for (int d = 1; d <= depth && d < names.length; d++) {
      if (names[d] == null) {
        continue;
      }
      sb.append(sb.isEmpty() ? "" : ".").append(names[d].text());
      if (indices[d] >= 0) {
        sb.append('[').append(indices[d]).append(']');
      }
    }
    return sb.isEmpty() ? "request" : sb.toString();
  }

  private String describe() {
    return switch (lex.kind) {
      case JsonLexer.OBJECT -> "an object";
      case JsonLexer.ARRAY -> "an array";
      case JsonLexer.STRING -> "a string";
      case JsonLexer.INTEGER, JsonLexer.DECIMAL -> "a number";
      case JsonLexer.TRUE, JsonLexer.FALSE -> "a boolean";
      case JsonLexer.NULL -> "null";
      default -> "the end of the body";
    };
  }

  private static Map<String, Integer> severities() {
    String[] names = {"UNSPECIFIED", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3", "DEBUG4",
        "INFO", "INFO2", "INFO3", "INFO4", "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3", "ERROR4",
        "FATAL", "FATAL2", "FATAL3", "FATAL4"};
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put("SEVERITY_NUMBER_" + names[i], i);
    }
    return Map.copyOf(m);
  }
}
