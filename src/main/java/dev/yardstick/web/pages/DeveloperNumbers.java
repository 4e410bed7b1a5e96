package dev.yardstick.web.pages;

import dev.yardstick.metrics.BreakdownService;
import dev.yardstick.metrics.DeveloperCommits;
import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.ReportService.SeriesAsk;
import dev.yardstick.metrics.Series;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.web.pages.Figures.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A developer's numbers on their page, read through the report, its series and the per-model breakdown exactly as
 * GET /api/v1/report?groupBy=developer answers them for the same viewer (no SQL of its own). A viewer refused those
 * answers gets the refusal's reason in place of the numbers.
 */
public final class DeveloperNumbers {
  private static final List<SeriesAsk> CHARTS = List.of(new SeriesAsk(GroupBy.WEEK, "aiUsagePercent"),
      new SeriesAsk(GroupBy.WEEK, "committedLinesAdded"), new SeriesAsk(GroupBy.WEEK, "commits"),
      new SeriesAsk(GroupBy.WEEK, "aiCoAuthoredCommits"), new SeriesAsk(GroupBy.DAY, "activeUsers"));
  private static final List<SeriesAsk> ACTIVE_DAYS = List.of(new SeriesAsk(GroupBy.DAY, "activeUsers"));

  /** The most commits the page lists (the newest); the CSV and the API have every figure. */
  static final int COMMITS_SHOWN = 100;

  private final ReportService reports;
  private final BreakdownService breakdowns;
  private final DeveloperCommits commits;

  public DeveloperNumbers(ReportService reports, BreakdownService breakdowns, DeveloperCommits commits) {
    this.reports = reports;
    this.breakdowns = breakdowns;
    this.commits = commits;
  }

  /** One headline card: its figure, the change against the previous period (null: unknown), and its definition. */
  public record Card(String id, String label, String value, String change, String definition, String note) {}

  /** Everything the numbers section shows; {@code refused} set instead when the viewer may not see them. */
  public record View(long id, DateRange range, DateRange previous, String refused, List<Card> cards, String usageChart,
      String commitsChart, String costChart, boolean hasUsage, boolean hasCommits, String csvUrl, List<CommitRows.Row> commits,
      long commitsTotal) {}

  public View of(long orgId, long developerId, String email, DateRange range, Viewer viewer) {
    DateRange previous = range.previous();
    String csv = "/api/v1/report?groupBy=developer&from=" + range.from() + "&to=" + range.to() + "&format=csv";
    ReportService reports = this.reports.memoized(); // the window's rows serve the report, the series and the models
    BreakdownService breakdowns = this.breakdowns.memoized(reports);
    try {
      ReportService.Charted current = reports.reportWithSeries(orgId, range.from(), range.to(), GroupBy.DEVELOPER, null, viewer, CHARTS);
      ReportRow now = row(current.report().rows(), email);
      if (now == null) { // neither active in the window nor in the viewer's teams then: the report has no row of them
        return refused(developerId, range, csv, "they have no row in this window (not active in it, or not in your teams then)");
      }
      ReportService.Charted earlier = reports.reportWithSeries(orgId, previous.from(), previous.to(), GroupBy.DEVELOPER, null, viewer,
          ACTIVE_DAYS);
      ReportRow before = row(earlier.report().rows(), email);
      List<Series.Answer> series = current.series();
      var models = breakdowns.developerModels(orgId, range.from(), range.to(), developerId, viewer).rows();
      Function<Integer, List<Series.Point>> line = i -> line(series.get(i), email);
      boolean usage = now.coverage() != null && now.coverage().withUsage() > 0;
      boolean commits = now.coverage() != null && now.coverage().withCommits() > 0;
      List<Card> cards = cards(now, before, sum(line.apply(4)), sum(line(earlier.series().getFirst(), email)));
      DeveloperCommits.Answer list = this.commits.of(orgId, developerId, range.from(), range.to(), viewer, COMMITS_SHOWN);
      return new View(developerId, range, previous, null, cards,
          DeveloperCharts.usage(line.apply(0), line.apply(1)), DeveloperCharts.commits(line.apply(2), line.apply(3)),
          DeveloperCharts.costByModel(models), usage, commits, csv, CommitRows.of(list.commits()), list.total());
    } catch (ForbiddenException e) {
      return refused(developerId, range, csv, e.getMessage());
    }
  }

  private static View refused(long developerId, DateRange range, String csv, String why) {
    return new View(developerId, range, range.previous(), why, List.of(), null, null, null, false, false, csv, List.of(), 0);
  }

  private static List<Card> cards(ReportRow now, ReportRow before, Long activeDays, Long activeDaysBefore) {
    List<Card> out = new ArrayList<>();
    out.add(card("ai-usage", "AI usage", now.aiUsagePercent(), was(before, ReportRow::aiUsagePercent), Kind.PERCENT,
        "Accepted AI lines, at most the lines their commits added per week, ÷ committed lines × 100 (0 to 100). A directional"
            + " proxy, not line attribution.", coverage(now)));
    out.add(card("active-days", "Active days", activeDays, activeDaysBefore, Kind.COUNT,
        "Days with any Claude Code session, active second, edit decision or token (an active AI user's day).", null));
    out.add(card("sessions", "Sessions", now.sessions(), was(before, ReportRow::sessions), Kind.COUNT,
        "Claude Code sessions started (claude_code.session.count, or the Admin API's sessions).", null));
    out.add(card("active-time", "Active time", now.activeTimeSeconds(), was(before, ReportRow::activeTimeSeconds), Kind.SECONDS,
        "Keyboard and CLI time together (claude_code.active_time.total); the Admin API has none.", null));
    out.add(card("acceptance", "Acceptance rate", Figures.acceptancePercent(now.editsAccepted(), now.editsRejected()),
        Figures.acceptancePercent(was(before, ReportRow::editsAccepted), was(before, ReportRow::editsRejected)), Kind.PERCENT,
        "Edit decisions accepted ÷ (accepted + rejected) × 100. A rejection is not a defect.", null));
    out.add(card("cost", "Cost", now.costUsd(), was(before, ReportRow::costUsd), Kind.USD,
        Definitions.COST, null)); // telemetry's estimate, or the Admin API's where it reports the day
    out.add(card("commits", "Commits", now.commits(), was(before, ReportRow::commits), Kind.COUNT,
        "Non-merge commits in followed repositories authored with their git email or an alias of it, by author date.", null));
    out.add(card("committed-lines", "Committed lines", now.committedLinesAdded(), was(before, ReportRow::committedLinesAdded), Kind.COUNT,
        "Lines added by those commits.", null));
    out.add(card("ai-co-authored", "AI co-authored commits", now.aiCoAuthoredCommits(), was(before, ReportRow::aiCoAuthoredCommits),
        Kind.COUNT, "Commits carrying Claude Code's co-author trailer or footer: a lower bound (the mark can be turned off).",
        null));
    out.add(split("rework", "Rework, AI co-authored", now.reworkPercentAiCoAuthored(), now.reworkPercentOther(), Kind.PERCENT,
        "Of the lines their commits added, how many a later commit deleted or rewrote within 21 days, × 100."));
    out.add(split("defects", "Defect rate, AI co-authored", now.defectRateAiCoAuthored(), now.defectRateOther(), Kind.RATE,
        "Defect-introducing commits ÷ commits."));
    return out;
  }

  private static Card card(String id, String label, Number now, Number before, Kind kind, String definition, String note) {
    String change = Figures.change(now, before, kind);
    return new Card(id, label, Figures.show(now, kind), change == null ? "no data to compare" : change + " vs previous period",
        definition, note);
  }

  /** AI co-authored commits against the rest (the previous period is not compared: two splits of small counts). */
  private static Card split(String id, String label, Number ai, Number other, Kind kind, String definition) {
    return new Card(id, label, Figures.show(ai, kind), "other commits: " + Figures.show(other, kind),
        definition + " The figure is over AI co-authored commits; the rest beside it.", null);
  }

  private static String coverage(ReportRow r) {
    if (r.coverage() == null) {
      return "no usage data and no commits";
    }
    boolean usage = r.coverage().withUsage() > 0;
    boolean commits = r.coverage().withCommits() > 0;
    return usage && commits ? "usage data and commits both present" : usage ? "usage data, no commits"
        : commits ? "commits, no usage data" : "no usage data and no commits";
  }

  /** The developer's row, or null when the report has none (a previous period before they were active: all unknown). */
  private static ReportRow row(List<ReportRow> rows, String email) {
    return rows.stream().filter(r -> r.key().equals(email)).findFirst().orElse(null);
  }

  /** A figure of the previous period's row, unknown without one. */
  private static <T> T was(ReportRow before, Function<ReportRow, T> field) {
    return before == null ? null : field.apply(before);
  }

  private static List<Series.Point> line(Series.Answer a, String email) {
    return a.series().stream().filter(l -> l.key().equals(email)).findFirst().map(Series.Line::points).orElse(List.of());
  }

  /** The sum of a series, null when every point is unknown. */
  private static Long sum(List<Series.Point> points) {
    List<Number> known = points.stream().map(Series.Point::value).filter(Objects::nonNull).toList();
    return known.isEmpty() ? null : known.stream().mapToLong(Number::longValue).sum();
  }
}
