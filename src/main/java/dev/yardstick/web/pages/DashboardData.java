package dev.yardstick.web.pages;

import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.AdoptionRow;
import dev.yardstick.metrics.BreakdownAnswers.Answer;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import dev.yardstick.metrics.BreakdownService;
import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.ImpactService;
import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.Series;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.metrics.adoption.Interval;
import dev.yardstick.model.ForbiddenException;

/**
 * What a dashboard shows, read from the JSON API's own services (never a second SQL path) for one viewer, so the page
 * says what /api/v1/report, /timeseries, /adoption, /acceptance, /spend and /impact say for the same window and team.
 *
 * @param rows the table: teams (company page) or developers (team page); null when the viewer may not see them
 * @param subTeams the team page's rows by team (the team and those under it); null on the company page
 * @param adoption null (with acceptance and spend) with {@code breakdownsRefused} saying why when the API refuses them
 * @param impact null with {@code impactRefused} saying why when the viewer may not see the team's comparisons
 */
record DashboardData(String team, Report now, Report before, Answer<AdoptionRow> adoption, Answer<AcceptanceRow> acceptance,
    Answer<AcceptanceRow> acceptanceBefore, Answer<SpendRow> spend, Answer<SpendRow> spendBefore, String breakdownsRefused,
    Series.Answer usage,
    Series.Answer coverage, Series.Answer commits, Series.Answer lines, Series.Answer committers, ImpactService.Answer impact,
    String impactRefused, Report rows, String rowsRefused, Report subTeams) {

  /** The services the API answers from. */
  record Sources(ReportService reports, BreakdownService breakdowns, ImpactService impact) {
    /** The charts' weekly lines, in the record's order: usage, coverage, commits, lines, committers. */
    private static final java.util.List<ReportService.SeriesAsk> WEEKLY = java.util.stream.Stream.of("aiUsagePercent", "coverageWithBoth",
        "commits", "committedLinesAdded", "coverageWithCommits").map(m -> new ReportService.SeriesAsk(GroupBy.WEEK, m)).toList();

    DashboardData read(long org, DateRange range, String team, Viewer viewer, GroupBy tableBy) {
      ReportService page = reports.memoized(); // a window is read once for all the page's figures
      return new Sources(page, breakdowns.memoized(page), impact).readAll(org, range, team, viewer, tableBy);
    }

    private DashboardData readAll(long org, DateRange range, String team, Viewer viewer, GroupBy tableBy) {
      DateRange prev = range.previous();
      // the cards' report and the five weekly charts from one pass over the window's rows
      ReportService.Charted charted = reports.reportWithSeries(org, range.from(), range.to(), GroupBy.ORG, team, viewer, WEEKLY);
      Report now = charted.report();
      Report before = reports.report(org, prev.from(), prev.to(), GroupBy.ORG, team, viewer, dev.yardstick.metrics.UsageSource.MERGED);
      ImpactService.Answer imp = null;
      String impactRefused = null;
      try {
        imp = impact.impact(org, range.from(), range.to(), team, viewer);
      } catch (ForbiddenException e) {
        impactRefused = e.getMessage();
      }
      Report rows = null;
      String rowsRefused = null;
      if (tableBy != null) {
        try {
          rows = reports.report(org, range.from(), range.to(), tableBy, team, viewer, dev.yardstick.metrics.UsageSource.MERGED);
        } catch (ForbiddenException e) {
          rowsRefused = e.getMessage();
        }
      }
      Report subTeams = team == null ? null
          : reports.report(org, range.from(), range.to(), GroupBy.TEAM, team, viewer, dev.yardstick.metrics.UsageSource.MERGED);
      Answer<AdoptionRow> adoption = null;
      Answer<AcceptanceRow> acceptance = null;
      Answer<AcceptanceRow> acceptanceBefore = null;
      Answer<SpendRow> spend = null;
      Answer<SpendRow> spendBefore = null;
      String breakdownsRefused = null;
      try { // a team's adoption, acceptance and spend are refused as its comparisons are (ImpactService.scope)
        adoption = breakdowns.adoption(org, range.from(), range.to(), Interval.WEEK, team, viewer);
        acceptance = breakdowns.acceptance(org, range.from(), range.to(), team, viewer);
        acceptanceBefore = breakdowns.acceptance(org, prev.from(), prev.to(), team, viewer);
        spend = breakdowns.spend(org, range.from(), range.to(), team, viewer);
        spendBefore = breakdowns.spend(org, prev.from(), prev.to(), team, viewer);
      } catch (ForbiddenException e) {
        breakdownsRefused = e.getMessage();
      }
      return new DashboardData(team, now, before, adoption, acceptance, acceptanceBefore, spend, spendBefore, breakdownsRefused,
          charted.series().get(0), charted.series().get(1), charted.series().get(2), charted.series().get(3),
          charted.series().get(4), imp, impactRefused, rows, rowsRefused, subTeams);
    }
  }
}
