package dev.yardstick.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: resolved daily rows → report rows, grouped by developer, team, period or organization, with
 * small groups left out for viewers who may not see the individuals in them (SmallGroups).
 */
final class UsageReport {
  static final String UNATTRIBUTED = "unattributed";
  static final String NO_TEAM = "(no team)";

  private UsageReport() {}

  /** What rows are called, and who may see what. */
  interface Naming {
    String developer(long id);

    /** The team and every team above it: a parent's row includes its teams' figures. */
    List<String> teamAndAncestors(long teamId);

    String org();
  }

  /**
   * @param known developer emails or team names that get a row even without data (nulls: unknown,
   *     so that a developer without telemetry does not read as "no AI")
   */
  static List<ReportRow> build(List<ResolvedRow> rows, GroupBy groupBy, LocalDate from, LocalDate to, Naming naming,
      Viewer viewer, int minGroupSize, List<String> known) {
    Map<String, UsageTotals> byKey = groupBy == GroupBy.DEVELOPER || groupBy == GroupBy.TEAM ? new TreeMap<>() : new LinkedHashMap<>();
    known.forEach(k -> byKey.put(k, new UsageTotals()));
    switch (groupBy) {
      case DAY, WEEK -> {
        // every period of the window gets a row, so a chart shows gaps as gaps
        for (LocalDate d = periodStart(from, groupBy); !d.isAfter(to); d = d.plusDays(groupBy == GroupBy.DAY ? 1 : 7)) {
          byKey.put(d.toString(), new UsageTotals());
        }
      }
      case ORG -> byKey.put(naming.org(), new UsageTotals());
      default -> { }
    }
    SmallGroups.Fate[] fates = SmallGroups.fates(rows, viewer, minGroupSize);
    for (int i = 0; i < fates.length; i++) {
      for (String key : keys(rows.get(i), groupBy, naming)) {
        byKey.computeIfAbsent(key, k -> new UsageTotals()).add(rows.get(i), fates[i]);
      }
    }
    List<ReportRow> out = new ArrayList<>(byKey.size());
    byKey.forEach((key, totals) -> {
      boolean group = groupBy.isGroup() && !key.equals(UNATTRIBUTED);
      out.add(totals.allUnseenLeftOut() ? ReportRow.withheld(key, group ? totals.developersBeforeLeavingOut() : null)
          : totals.toRow(key, group ? totals.developers().size() : null, minGroupSize));
    });
    return out;
  }

  private static List<String> keys(ResolvedRow row, GroupBy groupBy, Naming naming) {
    return switch (groupBy) {
      case DEVELOPER -> List.of(row.developerId() == null ? UNATTRIBUTED : naming.developer(row.developerId()));
      case TEAM -> row.developerId() == null ? List.of(UNATTRIBUTED)
          : row.teamId() == null ? List.of(NO_TEAM) : naming.teamAndAncestors(row.teamId());
      case DAY, WEEK -> List.of(periodStart(row.day(), groupBy).toString());
      case ORG -> List.of(naming.org());
      case MODEL, TOOL -> throw new IllegalStateException(groupBy + " rows come from the breakdowns (BreakdownService)");
    };
  }

  /** Weeks start on Monday (ISO 8601). */
  static LocalDate periodStart(LocalDate day, GroupBy groupBy) {
    return groupBy == GroupBy.WEEK ? SmallGroups.monday(day) : day;
  }
}
