package dev.yardstick.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a real answer against a schema of the document: types (null only where allowed), required fields, enums,
 * and no field the schema does not name. The subset of JSON Schema the document uses: $ref, allOf, oneOf, type,
 * properties, required, items, enum, const.
 */
final class OpenApiShape {
  private final JsonNode doc;

  OpenApiShape(JsonNode doc) {
    this.doc = doc;
  }

  /** The schema of an operation's answer with {@code status} as application/json; missing node when none is documented. */
  JsonNode responseSchema(String method, String path, int status) {
    JsonNode r = OpenApiCheck.resolve(doc, doc.path("paths").path(path).path(method).path("responses").path(Integer.toString(status)));
    return r == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r.path("content").path("application/json").path("schema");
  }

  /** What in {@code value} the schema does not allow, each with its place ($ is the answer). */
  List<String> problems(JsonNode schema, JsonNode value) {
    List<String> out = new ArrayList<>();
    check(schema, value, "$", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
    JsonNode s = OpenApiCheck.resolve(doc, schema);
    if (s == null) {
      out.add(at + ": unresolved " + schema.path("$ref").asText());
      return;
    }
    for (JsonNode part : s.path("allOf")) {
      checkExceptUnknownFields(part, value, at, out);
    }
    if (s.has("oneOf")) {
      int matching = 0;
      for (JsonNode option : s.path("oneOf")) {
        matching += problems(option, value).isEmpty() ? 1 : 0;
      }
      if (matching != 1) {
        out.add(at + ": matches " + matching + " of the oneOf options: " + brief(value));
      }
    }
    if (s.has("type") && !typeAllows(s.path("type"), value)) {
      out.add(at + ": " + brief(value) + " is not " + s.path("type"));
      return;
    }
    if (s.has("enum") && !value.isNull() && !contains(s.path("enum"), value)) {
      out.add(at + ": " + brief(value) + " is not one of " + s.path("enum"));
    }
    if (s.has("const") && !s.path("const").equals(value)) {
      out.add(at + ": " + brief(value) + " is not " + s.path("const"));
    }
    if (value.isObject()) {
      s.path("required").forEach(r -> {
        if (!value.has(r.asText())) {
          out.add(at + ": required field " + r.asText() + " is missing");
        }
      });
      JsonNode props = s.path("properties");
      value.fields().forEachRemaining(f -> {
        if (props.has(f.getKey())) {
          check(props.path(f.getKey()), f.getValue(), at + "." + f.getKey(), out);
        } else if (!props.isEmpty() && !s.has("allOf") && !s.has("additionalProperties")) {
          out.add(at + ": field " + f.getKey() + " is not documented");
        }
      });
    } else if (value.isArray() && s.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(s.path("items"), value.get(i), at + "[" + i + "]", out);
      }
    }
    if (s.has("allOf") && value.isObject()) {
      value.fieldNames().forEachRemaining(f -> {
        if (!namedByAny(s.path("allOf"), f)) {
          out.add(at + ": field " + f + " is not documented");
        }
      });
    }
  }

  /** A part of an allOf sees only some of the fields: the unknown-field check is done over all parts together. */
  private void checkExceptUnknownFields(JsonNode part, JsonNode value, String at, List<String> out) {
    check(part, value, at, out);
    out.removeIf(p -> p.startsWith(at + ": field ") && p.endsWith(" is not documented"));
  }

  private boolean namedByAny(JsonNode parts, String field) {
    for (JsonNode p : parts) {
      JsonNode s = OpenApiCheck.resolve(doc, p);
      if (s != null && (s.path("properties").has(field) || s.has("allOf") && namedByAny(s.path("allOf"), field))) {
        return true;
      }
    }
    return false;
  }

  private static boolean typeAllows(JsonNode type, JsonNode v) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeAllows(t, v)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "null" -> v.isNull();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "array" -> v.isArray();
      case "object" -> v.isObject();
      default -> false;
    };
  }

  private static boolean contains(JsonNode list, JsonNode v) {
    for (JsonNode e : list) {
      if (e.equals(v)) {
        return true;
      }
    }
    return false;
  }

  private static String brief(JsonNode v) {
    String s = v.toString();
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
