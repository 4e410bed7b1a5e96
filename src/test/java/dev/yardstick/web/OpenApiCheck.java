package dev.yardstick.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares the OpenAPI document with the route table and checks the document holds together; each problem is one sentence. */
final class OpenApiCheck {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern JAVALIN_PARAM = Pattern.compile("[{<]([^}>]+)[}>]");
  private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> OPERATIONS_PATHS = Set.of("/healthz", "/readyz", "/metrics");

  private OpenApiCheck() {}

  static JsonNode resource() throws IOException {
    try (InputStream in = OpenApiCheck.class.getClassLoader().getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** The routes the document must describe: the JSON API, the OTLP receivers and the operations endpoints (not pages, assets, forms). */
  static boolean isApi(Route r) {
    return r.path().startsWith("/api/") || r.access() == Access.INGEST || OPERATIONS_PATHS.contains(r.path());
  }

  /** "METHOD /path/{param}" with the route's access rule, as OpenAPI writes templates (Javalin's {p} and <p> both become {p}). */
  static Map<String, String> routeTable(List<Route> routes) {
    Map<String, String> out = new TreeMap<>();
    for (Route r : routes) {
      if (isApi(r)) {
        out.put(r.method().name() + " " + JAVALIN_PARAM.matcher(r.path()).replaceAll("{$1}"), wire(r.access()));
      }
    }
    return out;
  }

  /** "METHOD /path" of every operation in the document, with its x-yardstick-access. */
  static Map<String, String> documented(JsonNode doc) {
    Map<String, String> out = new TreeMap<>();
    doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
      if (METHODS.contains(m.getKey())) {
        out.put(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey(), m.getValue().path("x-yardstick-access").asText(null));
      }
    }));
    return out;
  }

  /** Both directions, naming each entry: routes without documentation, documentation without a route, access rules that differ. */
  static List<String> compare(Map<String, String> routes, Map<String, String> documented) {
    List<String> problems = new ArrayList<>();
    routes.keySet().stream().filter(k -> !documented.containsKey(k)).forEach(k -> problems.add("undocumented route: " + k));
    documented.keySet().stream().filter(k -> !routes.containsKey(k)).forEach(k -> problems.add("documented but no such route: " + k));
    routes.forEach((k, access) -> {
      if (documented.containsKey(k) && !access.equals(documented.get(k))) {
        problems.add(k + ": x-yardstick-access is " + documented.get(k) + " but the route table says " + access);
      }
    });
    return problems;
  }

  /** Each template parameter is declared as a required path parameter, and nothing else is declared in the path. */
  static List<String> pathParameters(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    doc.path("paths").fields().forEachRemaining(p -> {
      Set<String> template = new TreeSet<>();
      Matcher m = TEMPLATE_PARAM.matcher(p.getKey());
      while (m.find()) {
        template.add(m.group(1));
      }
      p.getValue().fields().forEachRemaining(o -> {
        if (!METHODS.contains(o.getKey())) {
          return;
        }
        Set<String> declared = new TreeSet<>();
        List<JsonNode> params = new ArrayList<>();
        p.getValue().path("parameters").forEach(params::add);
        o.getValue().path("parameters").forEach(params::add);
        for (JsonNode param : params) {
          JsonNode d = resolve(doc, param);
          if (d != null && "path".equals(d.path("in").asText())) {
            declared.add(d.path("name").asText());
            if (!d.path("required").asBoolean(false)) {
              problems.add(o.getKey() + " " + p.getKey() + ": path parameter " + d.path("name").asText() + " is not required");
            }
          }
        }
        if (!declared.equals(template)) {
          problems.add(o.getKey() + " " + p.getKey() + ": template parameters " + template + " but declared " + declared);
        }
      });
    });
    return problems;
  }

  /** Every operation has responses and an operationId (unique), and every $ref points into this document at something. */
  static List<String> structure(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(o -> {
      if (METHODS.contains(o.getKey())) {
        String what = o.getKey() + " " + p.getKey();
        if (!o.getValue().path("responses").isObject() || o.getValue().path("responses").isEmpty()) {
          problems.add(what + " has no responses");
        }
        if (!ids.add(o.getValue().path("operationId").asText(""))) {
          problems.add(what + ": operationId \"" + o.getValue().path("operationId").asText("") + "\" missing or repeated");
        }
      }
    }));
    refs(doc, doc, "#", problems);
    return problems;
  }

  private static void refs(JsonNode doc, JsonNode node, String at, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && resolve(doc, node) == null) {
        problems.add(at + ": $ref " + ref.asText() + " does not resolve");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        refs(doc, e.getValue(), at + "/" + e.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refs(doc, node.get(i), at + "/" + i, problems);
      }
    }
  }

  /** The node itself, or what its local $ref points at; null when the $ref leads nowhere. */
  static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String r = ref.asText();
    if (!r.startsWith("#/")) {
      return null;
    }
    JsonNode target = doc.at(r.substring(1)); // a JSON pointer: ~1 and ~0 are unescaped by Jackson
    return target.isMissingNode() ? null : target;
  }

  private static String wire(Access a) {
    return a == Access.SIGNED_IN ? "signed-in" : a.name().toLowerCase(java.util.Locale.ROOT);
  }
}
