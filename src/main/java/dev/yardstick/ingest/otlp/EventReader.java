package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Event;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.Plausibility.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one OTLP log record as a Claude Code event, or counts it as ignored when it is not one. */
final class EventReader {
  private static final String PREFIX = "claude_code.";
  // a successful `git commit` leaves its sha in tool_parameters: kept, the rest of the parameters are not
  private static final Pattern GIT_COMMIT = Pattern.compile("\"git_commit_id\"\\s*:\\s*\"([0-9a-fA-F]{7,64})\"");

  private EventReader() {}

  static void read(Otlp.LogRecord r, boolean claudeScope, PointAttributes a, ClaudeCodeMapper.Grouper grouper) {
    a.next();
    Map<String, Object> attributes = LinkedHashMap.newLinkedHashMap(r.attributes().size());
    String attrName = null;
    String timestamp = null;
    long sequence = -1;
    Problem implausible = null; // the first amount beyond its limit
    for (Otlp.KeyValue kv : r.attributes()) {
      switch (a.take(kv)) {
        case EVENT_META -> {
          switch (kv.key()) {
            case "event.name" -> attrName = AttributeText.of(kv.value());
            case "event.timestamp" -> timestamp = AttributeText.of(kv.value());
            default -> sequence = asLong(kv.value());
          }
        }
        case DIMENSION -> {
          Object v = AttributeText.eventValue(kv.value());
          attributes.put(kv.key(), v);
          implausible = implausible != null ? implausible : Plausibility.eventValue(kv.key(), v);
        }
        case CONTENT -> keepCommitId(kv, attributes);
        default -> { }
      }
    }
    String name = name(r, claudeScope, attrName);
    if (name == null) {
      grouper.ignored++;
      return;
    }
    long time = r.timeNanos() > 0 ? r.timeNanos() : parseTime(timestamp, r.observedNanos());
    if (time <= 0) {
      grouper.reject("invalid", "log record " + PREFIX + name + " has no time");
      return;
    }
    Problem problem = Plausibility.time("time", time, grouper.now);
    problem = problem != null ? problem : implausible;
    if (problem != null) {
      grouper.reject(problem.reason(), "log record " + PREFIX + name + ": " + problem.message());
      return;
    }
    grouper.add(a.context(), new Event(name, time, sequence, attributes));
  }

  /** The short event name, or null if the record is not a Claude Code event. */
  private static String name(Otlp.LogRecord r, boolean claudeScope, String attrName) {
    boolean body = r.body() instanceof String s && s.startsWith(PREFIX);
    boolean field = r.eventName().startsWith(PREFIX);
    boolean named = attrName != null && !attrName.isBlank();
    if (!body && !field && !(claudeScope && named)) {
      return null;
    }
    if (named) {
      return attrName.startsWith(PREFIX) ? attrName.substring(PREFIX.length()) : attrName;
    }
    return (body ? (String) r.body() : r.eventName()).substring(PREFIX.length());
  }

  private static void keepCommitId(Otlp.KeyValue kv, Map<String, Object> attributes) {
    if ("tool_parameters".equals(kv.key()) && kv.value() instanceof String s) {
      Matcher m = GIT_COMMIT.matcher(s);
      if (m.find()) {
        attributes.put("git_commit_id", m.group(1).toLowerCase());
      }
    }
  }

  private static long parseTime(String timestamp, long fallback) {
    if (timestamp != null) {
      try {
        Instant t = Instant.parse(timestamp);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      } catch (DateTimeParseException e) {
        // a client with a broken clock string still has the record's observed time
      }
    }
    return fallback;
  }

  private static long asLong(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d.longValue();
    }
    try {
      return v == null ? -1 : Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
