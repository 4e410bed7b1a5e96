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

    /** The followed repositories: each gets a row under groupBy=repository, commits or not. */
    default List<String> repositories() {
      return List.of();
    }
  }

  /**
   * @param known developer emails or team names that get a row even without data (nulls: unknown,
   *     so that a developer without telemetry does not read as "no AI")
   */
  static List<ReportRow> build(List<ResolvedRow> rows, GroupBy groupBy, LocalDate from, LocalDate to, Naming naming,
      Viewer viewer, int minGroupSize, List<String> known) {
    Map<String, UsageTotals> byKey = groupBy.isPeriod() || groupBy == GroupBy.ORG ? new LinkedHashMap<>() : new TreeMap<>();
    known.forEach(k -> byKey.put(k, new UsageTotals()));
    boolean weekMonths = viewer.restrictedIn(groupBy);
    if (groupBy.isPeriod()) {
      // every period of the window gets a row, so a chart shows gaps as gaps
      periods(from, to, groupBy, weekMonths).forEach(p -> byKey.put(p.key(), new UsageTotals()));
    } else if (groupBy == GroupBy.ORG) {
      byKey.put(naming.org(), new UsageTotals());
    } else if (groupBy == GroupBy.REPOSITORY) {
      naming.repositories().forEach(k -> byKey.put(k, new UsageTotals()));
    }
    SmallGroups.Fate[] fates = SmallGroups.fates(rows, viewer, minGroupSize);
    for (int i = 0; i < fates.length; i++) {
      for (String key : keys(rows.get(i), groupBy, naming, weekMonths)) {
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

  static List<String> keys(ResolvedRow row, GroupBy groupBy, Naming naming, boolean weekMonths) {
    return switch (groupBy) {
      case DEVELOPER -> List.of(row.developerId() == null ? UNATTRIBUTED : naming.developer(row.developerId()));
      case TEAM -> row.developerId() == null ? List.of(UNATTRIBUTED)
          : row.teamId() == null ? List.of(NO_TEAM) : naming.teamAndAncestors(row.teamId());
      case DAY, WEEK, MONTH -> List.of(periodStart(row.day(), groupBy, weekMonths).toString());
      case REPOSITORY -> row.repository() == null ? List.of() : List.of(row.repository());
      case ORG -> List.of(naming.org());
      case MODEL, TOOL -> throw new IllegalStateException(groupBy + " rows come from the breakdowns (BreakdownService)");
    };
  }

  /**
   * Weeks start on Monday (ISO 8601), months on their first day. With {@code weekMonths} (viewers who get whole weeks)
   * a week belongs whole to the month of its Thursday, so that a month row is a union of whole weeks (SmallGroups).
   */
  static LocalDate periodStart(LocalDate day, GroupBy groupBy, boolean weekMonths) {
    return switch (groupBy) {
      case WEEK -> SmallGroups.monday(day);
      case MONTH -> (weekMonths ? SmallGroups.monday(day).plusDays(3) : day).withDayOfMonth(1);
      default -> day;
    };
  }

  /** One period of a window: its key (first date of the period) and the window's days in it. */
  record Period(String key, LocalDate from, LocalDate to) {}

  /** The periods of the window in order; the first and last may be cut by the window (reported with its days). */
  static List<Period> periods(LocalDate from, LocalDate to, GroupBy groupBy, boolean weekMonths) {
    List<Period> out = new ArrayList<>();
    LocalDate d = from;
    while (!d.isAfter(to)) {
      LocalDate start = periodStart(d, groupBy, weekMonths);
      LocalDate next = d.plusDays(1);
      while (!next.isAfter(to) && periodStart(next, groupBy, weekMonths).equals(start)) {
        next = next.plusDays(1);
      }
      out.add(new Period(start.toString(), d, next.minusDays(1)));
      d = next;
    }
    return out;
  }
}
