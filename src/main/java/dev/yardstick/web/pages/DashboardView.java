package dev.yardstick.web.pages;

import java.util.List;

/**
 * Everything dashboard/page.jte writes, already worded.
 *
 * @param teamId the team of a team dashboard, or null on the company page
 * @param window the window answered and the previous period, as written
 * @param widened the whole weeks answered when they differ from the window asked for, or null
 * @param withheld why the figures are withheld for this viewer, or null
 * @param impactNote why there are no comparisons (the API refused them), or null
 */
public record DashboardView(Frame frame, String title, DateRange range, List<TeamOption> teams, Long teamId, String window,
    String previous, String widened, String withheld, List<SetupChecklist.Step> setup, List<DashboardCards.Card> cards,
    List<DashboardCharts.Chart> charts, List<DashboardImpact.Block> impact, String impactNote, List<DashboardTable> tables,
    String tableNote, List<Link> exports) {
  public record TeamOption(long id, String name, boolean selected) {}

  public record Link(String label, String href) {}

  public List<String> presets() {
    return DateRange.PRESETS;
  }

  public String changeDefinition() {
    return Definitions.CHANGE;
  }
}
