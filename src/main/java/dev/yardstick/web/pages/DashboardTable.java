package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Figures.Kind.COUNT;
import static dev.yardstick.web.pages.Figures.Kind.PERCENT;
import static dev.yardstick.web.pages.Figures.Kind.RATE;
import static dev.yardstick.web.pages.Figures.Kind.USD;

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
          new Cell(Figures.show(r.developers(), COUNT), sort(r.developers())),
          new Cell(Figures.show(r.aiUsagePercent(), PERCENT), sort(r.aiUsagePercent())),
          new Cell(Figures.show(r.sessions(), COUNT), sort(r.sessions())), new Cell(Figures.show(r.costUsd(), USD), sort(r.costUsd())),
          new Cell(Figures.show(r.commits(), COUNT), sort(r.commits())),
          new Cell(Figures.show(r.committedLinesAdded(), COUNT), sort(r.committedLinesAdded())),
          new Cell(DashboardCards.pair(r.reworkPercentAiCoAuthored(), r.reworkPercentOther(), PERCENT),
              sort(r.reworkPercentAiCoAuthored())),
          new Cell(DashboardCards.pair(r.defectRateAiCoAuthored(), r.defectRateOther(), RATE), sort(r.defectRateAiCoAuthored())))));
    }
    return new DashboardTable(id, caption, firstColumn, HEADERS, rows, csvHref, partial);
  }

  private static String sort(Number n) {
    return n == null ? "" : n.toString();
  }
}
