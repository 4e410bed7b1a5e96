package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.Principal;
import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportRow;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.Role;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/** The dashboard: the last 30 days as far as the caller may see (company, their teams, or their own numbers). */
public final class HomePage {
  private final ReportService reports;
  private final Function<Context, Viewer> viewer;

  public HomePage(ReportService reports, Function<Context, Viewer> viewer) {
    this.reports = reports;
    this.viewer = viewer;
  }

  public void show(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    LocalDate to = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = to.minusDays(29);
    GroupBy groupBy = switch (p.role()) {
      case ADMIN -> GroupBy.TEAM;
      case MANAGER -> GroupBy.TEAM;
      case DEVELOPER -> GroupBy.WEEK;
    };
    Report r = reports.report(p.orgId(), from, to, groupBy, viewer.apply(ctx));
    StringBuilder b = new StringBuilder("<p class=\"muted\">").append(esc(from)).append(" to ").append(esc(to))
        .append(p.role() == Role.DEVELOPER ? ", your own numbers by week" : ", by team").append(".</p>");
    b.append("<table id=\"report\"><tr><th>").append(groupBy == GroupBy.WEEK ? "Week" : "Team").append("</th><th>Sessions</th>")
        .append("<th>AI lines added</th><th>Edits accepted</th><th>Edits rejected</th><th>Commits by Claude Code</th>")
        .append("<th>Cost (USD)</th></tr>");
    for (ReportRow row : r.rows()) {
      b.append("<tr><td>").append(esc(row.key())).append("</td>");
      if (Boolean.TRUE.equals(row.withheld())) {
        b.append("<td colspan=\"6\" class=\"muted\">withheld: fewer developers than the minimum group size</td></tr>");
        continue;
      }
      for (Object v : new Object[] {row.sessions(), row.aiLinesAdded(), row.editsAccepted(), row.editsRejected(),
          row.commitsByClaudeCode(), row.costUsd()}) {
        b.append("<td class=\"n\">").append(v == null ? "–" : esc(v)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
    ctx.html(Html.page("Dashboard", p, b.toString()));
  }
}
