package dev.yardstick.ingest.otlp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** OTLP/JSON KeyValue lists and AnyValues, as the plain values the {@link Otlp} model holds. */
final class JsonAnyValues {
  private JsonAnyValues() {}

  static List<Otlp.KeyValue> attributes(JsonCursor c) throws OtlpDecodeException {
    if (c.isNull()) {
      return List.of();
    }
    List<Otlp.KeyValue> out = new ArrayList<>();
    c.array(() -> out.add(keyValue(c)));
    return out;
  }

  private static Otlp.KeyValue keyValue(JsonCursor c) throws OtlpDecodeException {
    String key = "";
    Object value = null;
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case "key" -> key = c.string();
        case "value" -> value = anyValue(c);
        default -> c.skip();
      }
    }
    return new Otlp.KeyValue(key, value);
  }

  /** The value of an AnyValue object, or null when no variant is set. */
  static Object anyValue(JsonCursor c) throws OtlpDecodeException {
    if (c.isNull()) {
      return null;
    }
    Object value = null;
    c.object();
    while (c.nextField()) {
      if (c.isNull()) {
        continue;
      }
      switch (c.field()) {
        case "stringValue", "string_value" -> value = c.string();
        case "boolValue", "bool_value" -> value = c.bool();
        case "intValue", "int_value" -> value = c.int64();
        case "doubleValue", "double_value" -> value = c.float64();
        case "bytesValue", "bytes_value" -> value = bytes(c);
        case "arrayValue", "array_value" -> value = values(c, false);
        case "kvlistValue", "kvlist_value" -> value = values(c, true);
        default -> c.skip();
      }
    }
    return value;
  }

  /** The "values" of an ArrayValue (AnyValues) or a KeyValueList (KeyValues). */
  private static List<Object> values(JsonCursor c, boolean keyValues) throws OtlpDecodeException {
    List<Object> out = new ArrayList<>();
    c.object();
    while (c.nextField()) {
      if (c.field().equals("values")) {
        c.array(() -> out.add(keyValues ? keyValue(c) : anyValue(c)));
      } else {
        c.skip();
      }
    }
    return out;
  }

  private static byte[] bytes(JsonCursor c) throws OtlpDecodeException {
    String s = c.string();
    try {
      return Base64.getDecoder().decode(s.trim());
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(s.trim());
      } catch (IllegalArgumentException e2) {
        throw c.problem("bytesValue is not base64");
      }
    }
  }
}
