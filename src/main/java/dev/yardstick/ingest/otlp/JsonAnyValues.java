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
    Otlp.KeyValue compact = c.atObject() ? CompactKeyValue.read(c) : null;
    if (compact != null) {
      return compact;
    }
    String key = "";
    Object value = null;
    c.object();
    while (c.nextField()) {
      switch (c.field()) {
        case KEY -> key = c.string();
        case VALUE -> value = anyValue(c);
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
        case STRING_VALUE -> value = c.string();
        case BOOL_VALUE -> value = c.bool();
        case INT_VALUE -> value = c.int64();
        case DOUBLE_VALUE -> value = c.float64();
        case BYTES_VALUE -> value = bytes(c);
        case ARRAY_VALUE -> value = values(c, false);
        case KVLIST_VALUE -> value = values(c, true);
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
      if (c.field() == JsonField.VALUES) {
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
