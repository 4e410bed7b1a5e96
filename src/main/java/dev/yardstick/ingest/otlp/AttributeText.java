package dev.yardstick.ingest.otlp;

import java.util.List;

/** Attribute values as Yardstick keeps them: text for dimensions, plain JDK values for events. */
final class AttributeText {
  /** Longer strings are cut: no dimension or event field needs more, and it bounds what a client can make us store. */
  static final int MAX_LENGTH = 512;

  private AttributeText() {}

  static String of(Object value) {
    String s = switch (value) {
      case null -> "";
      case String str -> str;
      case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
      case byte[] bytes -> "(" + bytes.length + " bytes)";
      case List<?> list -> list.toString();
      default -> value.toString();
    };
    return cut(s);
  }

  /** The value as an event attribute: scalars unchanged, arrays as lists of scalars, anything else as text. */
  static Object eventValue(Object value) {
    return switch (value) {
      case String s -> cut(s);
      case Long l -> l;
      case Double d -> d;
      case Boolean b -> b;
      case List<?> list when list.stream().allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean) ->
          list.size() > 64 ? list.subList(0, 64) : list;
      default -> of(value);
    };
  }

  private static String cut(String s) {
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
  }
}
