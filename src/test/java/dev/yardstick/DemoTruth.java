package dev.yardstick;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The demo's truth file read back, and the figures a correct report derives from it by the definitions in
 * docs/METRICS.md, computed here by plain arithmetic over what the generator planted (never by Yardstick's code).
 */
final class DemoTruth {
  static final String[] TOKENS = {"input", "output", "cacheRead", "cacheCreation"};

  record Membership(String team, LocalDate from, LocalDate lastDay) {}

  record Developer(String email, String source, List<Membership> memberships) {
    String teamOn(LocalDate day) {
      for (Membership m : memberships) {
        if ((m.from() == null || !day.isBefore(m.from())) && (m.lastDay() == null || !day.isAfter(m.lastDay()))) {
          return m.team();
        }
      }
      return null;
    }
  }

  final JsonNode json;
  final LocalDate first;
  final LocalDate last;
  final Map<String, Developer> developers = new TreeMap<>();
  final Map<String, String> parents = new HashMap<>();

  DemoTruth(JsonNode json) {
    this.json = json;
    this.first = LocalDate.parse(json.get("window").get("from").asText());
    this.last = LocalDate.parse(json.get("window").get("to").asText());
    json.get("teams").forEach(t -> parents.put(t.get("name").asText(), t.get("parent").isNull() ? null : t.get("parent").asText()));
    for (JsonNode d : json.get("developers")) {
      List<Membership> ms = new ArrayList<>();
      d.get("memberships").forEach(m -> ms.add(new Membership(m.get("team").asText(), date(m.get("from")), date(m.get("lastDay")))));
      developers.put(d.get("email").asText(), new Developer(d.get("email").asText(), d.get("source").asText(), ms));
    }
  }

  private static LocalDate date(JsonNode n) {
    return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
  }

  /** Whether {@code team} is {@code ancestor} or lies under it. */
  boolean under(String team, String ancestor) {
    for (String t = team; t != null; t = parents.get(t)) {
      if (t.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  static LocalDate day(JsonNode n) {
    return LocalDate.parse(n.get("day").asText());
  }

  static LocalDate monday(LocalDate d) {
    return d.with(DayOfWeek.MONDAY);
  }

  /** Usage and git sums over the planted days and commits that {@code keep} (by developer email and day) selects. */
  Map<String, Double> sums(Predicate<JsonNode> keepDay, Predicate<JsonNode> keepCommit) {
    Map<String, Double> out = new HashMap<>();
    for (JsonNode d : json.get("days")) {
      if (!keepDay.test(d)) {
        continue;
      }
      out.merge("sessions", d.get("sessions").asDouble(), Double::sum);
      out.merge("aiLinesAdded", d.get("linesAdded").asDouble(), Double::sum);
      out.merge("aiLinesRemoved", d.get("linesRemoved").asDouble(), Double::sum);
      out.merge("commitsByClaudeCode", d.get("commitsByClaudeCode").asDouble(), Double::sum);
      out.merge("pullRequestsByClaudeCode", d.get("pullRequestsByClaudeCode").asDouble(), Double::sum);
      if (d.get("source").asText().equals("telemetry")) {
        out.merge("activeTimeSeconds", d.get("activeUserSeconds").asDouble() + d.get("activeCliSeconds").asDouble(), Double::sum);
      }
      for (JsonNode m : d.get("models")) {
        for (String t : TOKENS) {
          out.merge(t, m.get(t).asDouble(), Double::sum);
        }
        out.merge("costUsd", m.get("costUsd").asDouble(), Double::sum);
      }
      for (JsonNode e : d.get("editDecisions")) {
        out.merge(e.get("decision").asText().equals("accept") ? "editsAccepted" : "editsRejected", e.get("count").asDouble(),
            Double::sum);
      }
    }
    for (JsonNode c : json.get("commits")) {
      if (!keepCommit.test(c)) {
        continue;
      }
      boolean ai = c.get("aiCoAuthored").asBoolean();
      out.merge("commits", 1.0, Double::sum);
      out.merge("committedLinesAdded", c.get("linesAdded").asDouble(), Double::sum);
      out.merge("committedLinesRemoved", c.get("linesRemoved").asDouble(), Double::sum);
      out.merge("aiCoAuthoredCommits", ai ? 1.0 : 0, Double::sum);
      out.merge("reworkedLines", c.get("reworkedLines").asDouble(), Double::sum);
      out.merge("defectCommits", c.get("defectIntroducing").asBoolean() ? 1.0 : 0, Double::sum);
    }
    return out;
  }

  /** The developers active on a day of {@code from..to} (any session, active second, decision or token), by email. */
  Set<String> activeIn(LocalDate from, LocalDate to) {
    Set<String> out = new HashSet<>();
    for (JsonNode d : json.get("days")) {
      LocalDate day = day(d);
      if (day.isBefore(from) || day.isAfter(to)) {
        continue;
      }
      long tokens = 0;
      for (JsonNode m : d.get("models")) {
        for (String t : TOKENS) {
          tokens += m.get(t).asLong();
        }
      }
      long decisions = 0;
      for (JsonNode e : d.get("editDecisions")) {
        decisions += e.get("count").asLong();
      }
      // the Admin API has no active time: only telemetry's seconds reach Yardstick
      long seconds = d.get("source").asText().equals("telemetry") ? d.get("activeUserSeconds").asLong() + d.get("activeCliSeconds").asLong() : 0;
      if (d.get("sessions").asLong() > 0 || seconds > 0 || tokens > 0 || decisions > 0) {
        out.add(d.get("developer").asText());
      }
    }
    return out;
  }
}
