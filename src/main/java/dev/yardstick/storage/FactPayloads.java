package dev.yardstick.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.yardstick.model.Event;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.MetricPoint.Temporality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads stored facts back (what {@link FactJson} wrote), to rebuild day rows: metric points in the
 * compact form ({@code {"temporality","start","time","points":[[name, value, dims, ...]]}}) and in
 * the form of rows written before it (an array of {@code {"name","temporality","start","time",
 * "value","dims"}}, where a value could be a bare NaN or Infinity), and events (name and time only;
 * their attributes feed no rollup). Dimensions come back as sorted maps, as ingest keyed them.
 */
final class FactPayloads {
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private FactPayloads() {}

  static List<MetricPoint> points(String payload) {
    JsonNode root = read(payload);
    List<MetricPoint> out = new ArrayList<>();
    if (root.isArray()) { // rows written before the compact form
      for (JsonNode p : root) {
        out.add(new MetricPoint(p.path("name").asText(), temporality(p.path("temporality")), p.path("start").asLong(),
            p.path("time").asLong(), number(p.path("value")), strings(p.path("dims"))));
      }
      return out;
    }
    Temporality temporality = temporality(root.path("temporality"));
    long start = root.path("start").asLong();
    long time = root.path("time").asLong();
    for (JsonNode p : root.path("points")) {
      boolean own = p.size() >= 6; // the point's own window, where it differs from the header
      out.add(new MetricPoint(p.get(0).asText(), own ? temporality(p.get(5)) : temporality, own ? p.get(3).asLong() : start,
          own ? p.get(4).asLong() : time, number(p.get(1)), strings(p.get(2))));
    }
    return out;
  }

  static List<Event> events(String payload) {
    List<Event> out = new ArrayList<>();
    for (JsonNode e : read(payload)) {
      out.add(new Event(e.path("name").asText(), e.path("time").asLong(), e.path("sequence").asLong(-1), Map.of()));
    }
    return out;
  }

  /** The custom resource attributes of a group ({@code FactJson.object} of strings). */
  static Map<String, String> attributes(String text) {
    return strings(read(text));
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored fact is not the JSON ingest writes: " + e.getOriginalMessage(), e);
    }
  }

  private static Temporality temporality(JsonNode n) {
    return "cumulative".equals(n.asText()) ? Temporality.CUMULATIVE : Temporality.DELTA;
  }

  // numbers as written, and NaN or Infinity written as a string (JSON has neither)
  private static double number(JsonNode n) {
    return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return out;
  }
}
