package dev.yardstick.ingest.otlp;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
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
    void read() throws IOException, OtlpDecodeException;
  }

  private final JsonParser p;
  private final String[] names = new String[80];
  private final int[] indices = new int[80];
  private int depth;

  JsonCursor(JsonParser p) {
    this.p = p;
  }

  void topLevelObject() throws IOException, OtlpDecodeException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new OtlpDecodeException("expected a JSON object at the top level, got " + describe(p.currentToken()));
    }
    depth = 1;
    names[1] = null;
  }

  /** Moves to the next field's value; false at the end of the object. */
  boolean nextField() throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_OBJECT) {
      depth--;
      return false;
    }
    names[depth] = p.currentName();
    indices[depth] = -1;
    p.nextToken();
    return true;
  }

  String field() throws IOException {
    return names[depth];
  }

  boolean isNull() {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Enters the object at the current value. */
  void object() throws OtlpDecodeException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType("an object");
    }
    depth++;
    names[depth] = null;
    indices[depth] = -1;
  }

  /** Reads each element of the array at the current value; null is an empty array. */
  void array(Element element) throws IOException, OtlpDecodeException {
    if (isNull()) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType("an array");
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      indices[depth] = i++;
      element.read();
    }
    indices[depth] = -1;
  }

  void skip() throws IOException {
    p.skipChildren();
  }

  String string() throws IOException, OtlpDecodeException {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> "";
      default -> throw wrongType("a string");
    };
  }

  /** An int64/uint64/fixed64: a decimal string or a JSON number. */
  long int64() throws IOException, OtlpDecodeException {
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw problem("integer out of the 64-bit range: " + p.getText());
        }
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        if (d != Math.rint(d) || Math.abs(d) > 9.2e18) {
          throw problem("expected an integer, got " + p.getText());
        }
        return (long) d;
      }
      case VALUE_STRING -> {
        String s = p.getText().trim();
        try {
          return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
          throw problem("expected an integer, got \"" + p.getText() + "\"");
        }
      }
      case VALUE_NULL -> {
        return 0;
      }
      default -> throw wrongType("an integer");
    }
  }

  /** A double: a JSON number, or a string holding a number, NaN or (-)Infinity. */
  double float64() throws IOException, OtlpDecodeException {
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_STRING -> {
        String s = p.getText().trim();
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw problem("expected a number, got \"" + p.getText() + "\"");
        }
      }
      default -> throw wrongType("a number");
    }
  }

  boolean bool() throws IOException, OtlpDecodeException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE, VALUE_NULL -> false;
      case VALUE_STRING -> Boolean.parseBoolean(p.getText().trim());
      default -> throw wrongType("a boolean");
    };
  }

  /** An enum: its number (the OTLP JSON form) or, leniently, its name. */
  int enumValue(Map<String, Integer> byName) throws IOException, OtlpDecodeException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      Integer v = byName.get(p.getText().trim());
      if (v != null) {
        return v;
      }
    }
    return (int) int64();
  }

  /** After the top-level object: nothing but whitespace may follow. */
  void end() throws IOException, OtlpDecodeException {
    JsonToken t = p.nextToken();
    if (t != null) {
      throw new OtlpDecodeException("unexpected " + describe(t) + " after the top-level JSON object");
    }
  }

  OtlpDecodeException problem(String what) {
    return new OtlpDecodeException(path() + ": " + what);
  }

  private OtlpDecodeException wrongType(String expected) {
    return problem("expected " + expected + ", got " + describe(p.currentToken()));
  }

  private String path() {
    StringBuilder sb = new StringBuilder();
    for (int d = 1; d <= depth && d < names.length; d++) {
      if (names[d] == null) {
        continue;
      }
      sb.append(sb.isEmpty() ? "" : ".").append(names[d]);
      if (indices[d] >= 0) {
        sb.append('[').append(indices[d]).append(']');
      }
    }
    return sb.isEmpty() ? "request" : sb.toString();
  }

  static OtlpDecodeException malformed(IOException e) {
    if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
      var loc = e instanceof JsonParseException jpe ? jpe.getLocation() : null;
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      String msg = e instanceof JsonParseException jpe ? jpe.getOriginalMessage() : e.getMessage();
      return new OtlpDecodeException("malformed JSON" + where + ": " + msg, e);
    }
    return new OtlpDecodeException("the body could not be read as JSON: " + e.getMessage(), e);
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the body";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  private static Map<String, Integer> severities() {
    String[] names = {"UNSPECIFIED", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3", "DEBUG4",
        "INFO", "INFO2", "INFO3", "INFO4", "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3", "ERROR4",
        "FATAL", "FATAL2", "FATAL3", "FATAL4"};
    java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put("SEVERITY_NUMBER_" + names[i], i);
    }
    return Map.copyOf(m);
  }
}
