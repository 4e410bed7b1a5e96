package dev.yardstick.web.pages;

import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A dashboard table: report rows (teams or developers) with a link down, sortable cells and the CSV of the same window. */
public record DashboardTable(String id, String caption, String firstColumn, List<Header> headers, List<Row> rows, String csvHref,
    boolean partial) {
  public record Header(String label, String definition) {}

  /** @param sort the cell's value for sorting (empty: unknown, sorted last) */
  public record Cell(String text, String sort) {}

  /** @param href the next level down, or null; @param withheld figures withheld for this viewer */
  public record Row(String name, String href, boolean withheld, List<Cell> cells) {}

  static final List<Header> HEADERS = List.of(new Header("Developers", Definitions.DEVELOPERS),
      new Header("AI usage %", Definitions.AI_USAGE), new Header("Sessions", Definitions.SESSIONS),
      new Header("Cost", Definitions.COST), new Header("Commits", Definitions.COMMITS),
      new Header("Committed lines", Definitions.LINES), new Header("Rework % AI / other", Definitions.REWORK),
      new Header("Defect rate AI / other", Definitions.DEFECT));

  /** @param link the row key's page (a team's dashboard, a developer's page), or null when it has none */
  static DashboardTable of(String id, String caption, String firstColumn, Report report, Function<String, String> link,
      String csvHref) {
    List<Row> rows = new ArrayList<>();
    boolean partial = false;
    for (ReportRow r : report.rows()) {
      partial |= r.withheldContributorWeeks() != null;
      if (Boolean.TRUE.equals(r.withheld())) {
        rows.add(new Row(r.key(), null, true, List.of()));
        continue;
      }
      rows.add(new Row(r.key(), link.apply(r.key()), false, List.of(
          new Cell(Fmt.count(r.developers()), sort(r.developers())), new Cell(Fmt.percent(r.aiUsagePercent()), sort(r.aiUsagePercent())),
          new Cell(Fmt.count(r.sessions()), sort(r.sessions())), new Cell(Fmt.money(r.costUsd()), sort(r.costUsd())),
          new Cell(Fmt.count(r.commits()), sort(r.commits())), new Cell(Fmt.count(r.committedLinesAdded()), sort(r.committedLinesAdded())),
          new Cell(Fmt.pair(Fmt.percent(r.reworkPercentAiCoAuthored()), Fmt.percent(r.reworkPercentOther())),
              sort(r.reworkPercentAiCoAuthored())),
          new Cell(Fmt.pair(Fmt.rate(r.defectRateAiCoAuthored()), Fmt.rate(r.defectRateOther())), sort(r.defectRateAiCoAuthored())))));
    }
    return new DashboardTable(id, caption, firstColumn, HEADERS, rows, csvHref, partial);
  }

  private static String sort(Number n) {
    return n == null ? "" : n.toString();
  }

  public int columns() {
    return headers.size() + 1;
  }
}
