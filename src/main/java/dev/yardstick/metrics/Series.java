package dev.yardstick.metrics;

import dev.yardstick.metrics.SmallGroups.Fate;
import dev.yardstick.metrics.UsageReport.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pure: a chart's series from the report's resolved daily rows. Each point is the report over the point's days (the
 * same figure, the same nulls, the same small groups left out), so a chart never says what the report would not.
 */
public final class Series {
  private Series() {}

  public record Point(String period, String from, String to, Number value) {}

  public record Line(String key, String name, List<Point> points) {}

  public record Answer(String metric, GroupBy interval, GroupBy groupBy, LocalDate from, LocalDate to, List<Line> series) {}

  static Answer build(List<ResolvedRow> rows, SeriesMetric metric, GroupBy interval, GroupBy seriesBy, LocalDate from, LocalDate to,
      UsageReport.Naming naming, Viewer viewer, int minGroupSize, List<String> known) {
    boolean weekMonths = viewer.restrictedIn(seriesBy);
    List<Period> periods = UsageReport.periods(from, to, interval, weekMonths);
    Map<String, List<ResolvedRow>> byPeriod = new HashMap<>();
    for (ResolvedRow r : rows) {
      byPeriod.computeIfAbsent(UsageReport.periodStart(r.day(), interval, weekMonths).toString(), k -> new ArrayList<>()).add(r);
    }
    Map<String, Map<String, Number>> values = seriesBy == GroupBy.ORG ? new LinkedHashMap<>() : new TreeMap<>();
    known.forEach(k -> values.put(k, new HashMap<>()));
    if (seriesBy == GroupBy.ORG) {
      values.put(naming.org(), new HashMap<>());
    }
    for (Period p : periods) {
      List<ResolvedRow> in = byPeriod.getOrDefault(p.key(), List.of());
      Map<String, Integer> active = metric.activeUsers() ? activeUsers(in, seriesBy, naming, viewer, minGroupSize) : Map.of();
      for (ReportRow row : UsageReport.build(in, seriesBy, p.from(), p.to(), naming, viewer, minGroupSize, known)) {
        Number v = Boolean.TRUE.equals(row.withheld()) ? null
            : metric.activeUsers() ? (row.sessions() == null ? null : active.getOrDefault(row.key(), 0)) : metric.of(row);
        values.computeIfAbsent(row.key(), k -> new HashMap<>()).put(p.key(), v);
      }
    }
    List<Line> lines = new ArrayList<>();
    values.forEach((key, byKey) -> lines.add(new Line(key, key,
        periods.stream().map(p -> new Point(p.key(), p.from().toString(), p.to().toString(), byKey.get(p.key()))).toList())));
    return new Answer(metric.name(), interval, seriesBy, from, to, lines);
  }

  /** Developers with any Claude Code activity (ActivityDay.active) per row key, leaving out what SmallGroups leaves out. */
  private static Map<String, Integer> activeUsers(List<ResolvedRow> rows, GroupBy seriesBy, UsageReport.Naming naming,
      Viewer viewer, int minGroupSize) {
    Fate[] fates = SmallGroups.fates(rows, viewer, minGroupSize);
    var activity = AdoptionRows.activity(rows);
    Map<String, Set<Long>> out = new HashMap<>();
    int a = 0;
    for (int i = 0; i < rows.size(); i++) {
      ResolvedRow r = rows.get(i);
      if (r.values() == null) {
        continue;
      }
      boolean active = activity.get(a++).active();
      if (active && fates[i] != Fate.LEFT_OUT && r.developerId() != null) {
        for (String key : UsageReport.keys(r, seriesBy, naming, false)) {
          out.computeIfAbsent(key, k -> new HashSet<>()).add(r.developerId());
        }
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    out.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }
}
