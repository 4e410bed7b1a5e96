package dev.yardstick;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * What the high- against low-AI comparison of docs/METRICS.md counts for a team, worked out from the demo's truth:
 * per developer and ISO week, only the days they were in the team (or under it); telemetry and active hours from the
 * planted telemetry days; commits from the planted commits. Present = commits, or telemetry with active time; high =
 * telemetry and at least 2 h; low = telemetry and under 0.5 h; developers with 4 weeks on each side and commits on both.
 */
final class DemoImpact {
  record Expected(int developers, long highWeeks, long lowWeeks, long highCommits, long lowCommits) {}

  private static final class Week {
    boolean telemetry;
    double hours;
    long commits;
  }

  private DemoImpact() {}

  static Expected highVsLow(DemoTruth truth, String team, LocalDate from, LocalDate to) {
    Map<String, Map<LocalDate, Week>> weeks = new HashMap<>();
    for (JsonNode d : truth.json.get("days")) {
      LocalDate day = DemoTruth.day(d);
      String email = d.get("developer").asText();
      if (d.get("source").asText().equals("telemetry") && in(truth, email, day, team, from, to)) {
        Week w = week(weeks, email, day);
        w.telemetry = true;
        w.hours += (d.get("activeUserSeconds").asDouble() + d.get("activeCliSeconds").asDouble()) / 3600;
      }
    }
    for (JsonNode c : truth.json.get("commits")) {
      LocalDate day = DemoTruth.day(c);
      String email = c.get("author").asText();
      if (in(truth, email, day, team, from, to)) {
        week(weeks, email, day).commits++;
      }
    }
    int developers = 0;
    long highWeeks = 0, lowWeeks = 0, highCommits = 0, lowCommits = 0;
    for (Map<LocalDate, Week> byWeek : weeks.values()) {
      long hw = 0, lw = 0, hc = 0, lc = 0;
      for (Week w : byWeek.values()) {
        if (!w.telemetry || (w.commits == 0 && w.hours == 0)) {
          continue;
        }
        if (w.hours >= 2.0) {
          hw++;
          hc += w.commits;
        } else if (w.hours < 0.5) {
          lw++;
          lc += w.commits;
        }
      }
      if (hw >= 4 && lw >= 4 && hc > 0 && lc > 0) {
        developers++;
        highWeeks += hw;
        lowWeeks += lw;
        highCommits += hc;
        lowCommits += lc;
      }
    }
    return new Expected(developers, highWeeks, lowWeeks, highCommits, lowCommits);
  }

  private static boolean in(DemoTruth truth, String email, LocalDate day, String team, LocalDate from, LocalDate to) {
    String t = truth.developers.get(email).teamOn(day);
    return !day.isBefore(from) && !day.isAfter(to) && t != null && truth.under(t, team);
  }

  private static Week week(Map<String, Map<LocalDate, Week>> weeks, String email, LocalDate day) {
    return weeks.computeIfAbsent(email, k -> new HashMap<>()).computeIfAbsent(DemoTruth.monday(day), k -> new Week());
  }
}
