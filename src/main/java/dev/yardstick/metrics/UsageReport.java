package dev.yardstick.metrics;

import dev.yardstick.model.UsageRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/** Pure: daily rollup rows → report rows, grouped by developer, period or organization. */
final class UsageReport {
  private UsageReport() {}

  /**
   * @param developerKey the row key for an identity id (its best identity until resolution exists)
   * @param orgName the key of the single row of an organization report
   */
  static List<ReportRow> build(List<UsageRow> rows, GroupBy groupBy, LocalDate from, LocalDate to,
      LongFunction<String> developerKey, String orgName) {
    Map<String, UsageTotals> byKey = new TreeMap<>();
    switch (groupBy) {
      case DAY, WEEK -> {
        // every period of the window gets a row, so a chart shows gaps as gaps
        for (LocalDate d = periodStart(from, groupBy); !d.isAfter(to); d = d.plusDays(groupBy == GroupBy.DAY ? 1 : 7)) {
          byKey.put(d.toString(), new UsageTotals());
        }
      }
      case ORG -> byKey.put(orgName, new UsageTotals());
      case DEVELOPER -> { }
    }
    for (UsageRow row : rows) {
      String key = switch (groupBy) {
        case DEVELOPER -> developerKey.apply(row.identityId());
        case DAY, WEEK -> periodStart(row.day(), groupBy).toString();
        case ORG -> orgName;
      };
      byKey.computeIfAbsent(key, k -> new UsageTotals()).add(row);
    }
    List<ReportRow> out = new ArrayList<>(byKey.size());
    byKey.forEach((key, totals) -> out.add(totals.toRow(key)));
    return out;
  }

  /** Weeks start on Monday (ISO 8601). */
  static LocalDate periodStart(LocalDate day, GroupBy groupBy) {
    return groupBy == GroupBy.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
  }
}
