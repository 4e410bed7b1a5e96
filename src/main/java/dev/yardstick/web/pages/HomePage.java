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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** The dashboard: the last 30 days as far as the caller may see (company, their teams, or their own numbers). */
public final class HomePage {
  private final ReportService reports;
  private final Function<Context, Viewer> viewer;
  private final Clock clock;

  public HomePage(ReportService reports, Function<Context, Viewer> viewer, Clock clock) {
    this.reports = reports;
    this.viewer = viewer;
    this.clock = clock;
  }

  public void show(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate from = to.minusDays(29);
    GroupBy groupBy = switch (p.role()) {
      case ADMIN -> GroupBy.TEAM;
      case MANAGER -> GroupBy.TEAM;
      case DEVELOPER -> GroupBy.WEEK;
    };
    Viewer seen = viewer.apply(ctx); // a manager's teams are read once for the three reports
    Report r = reports.report(p.orgId(), from, to, groupBy, seen);
    StringBuilder b = new StringBuilder(headline(reports.report(p.orgId(), from, to, GroupBy.ORG, seen), from, to));
    List<ReportRow> weeks = reports.report(p.orgId(), to.minusWeeks(11), to, GroupBy.WEEK, seen).rows();
    b.append("<div class=\"box\"><h2>Output per week</h2>").append(Charts.weeklyLines(weeks))
        .append("<p class=\"muted\">Accepted AI lines are a directional proxy, not line attribution: they may be edited or")
        .append(" never committed.</p></div><p class=\"muted\">").append(esc(r.from())).append(" to ").append(esc(r.to()))
        .append(p.role() == Role.DEVELOPER ? ", your own numbers by week" : ", by team").append(".</p>");
    b.append("<div class=\"table-scroll\" tabindex=\"0\"><table id=\"report\"><tr><th>").append(groupBy == GroupBy.WEEK ? "Week" : "Team").append("</th><th>Sessions</th>")
        .append("<th>AI lines added</th><th>Edits accepted</th><th>Edits rejected</th><th>Commits by Claude Code</th>")
        .append("<th>Cost (USD)</th><th>Commits</th><th>Committed lines</th><th>AI usage %</th><th>Rework % AI / other</th>")
        .append("<th>Defect rate AI / other</th></tr>");
    boolean partial = false;
    for (ReportRow row : r.rows()) {
      partial |= row.withheldContributorWeeks() != null;
      b.append("<tr><td>").append(esc(row.key())).append(row.withheldContributorWeeks() == null ? "" : " *").append("</td>");
      if (Boolean.TRUE.equals(row.withheld())) {
        b.append("<td colspan=\"11\" class=\"muted\">withheld: fewer contributors than the minimum group size</td></tr>");
        continue;
      }
      for (Object v : new Object[] {row.sessions(), row.aiLinesAdded(), row.editsAccepted(), row.editsRejected(),
          row.commitsByClaudeCode(), row.costUsd(), row.commits(), row.committedLinesAdded(), row.aiUsagePercent(),
          pair(row.reworkPercentAiCoAuthored(), row.reworkPercentOther()), pair(row.defectRateAiCoAuthored(), row.defectRateOther())}) {
        b.append("<td class=\"n\">").append(v == null ? "–" : esc(v)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table></div>");
    if (partial) {
      b.append("<p class=\"muted\">* leaves out teams and weeks of fewer contributors than the minimum group size.</p>");
    }
    ctx.html(Html.page("Dashboard", p, "dashboard", b.toString()));
  }

  private static String dash(String s) {
    return s == null ? "–" : s;
  }

  private static String pair(Object ai, Object other) {
    return ai == null && other == null ? null : (ai == null ? "–" : ai) + " / " + (other == null ? "–" : other);
  }

  /** AI usage % with its honest companions: coverage, the exact lower bound, and quality split AI against the rest. */
  private static String headline(Report report, LocalDate from, LocalDate to) {
    ReportRow org = report.rows().getFirst();
    StringBuilder b = new StringBuilder("<div class=\"box\" id=\"headline\"><h2>Last 30 days</h2>");
    if (!report.from().equals(from) || !report.to().equals(to)) { // by whole weeks to those who may not see everyone
      b.append("<p class=\"muted\">Whole weeks: ").append(esc(report.from())).append(" to ").append(esc(report.to())).append(".</p>");
    }
    if (Boolean.TRUE.equals(org.withheld())) {
      return b.append("<p class=\"muted\">Company figures are withheld: fewer contributors than the minimum group size.</p></div>")
          .toString();
    }
    b.append("<p><strong class=\"big\">").append(org.aiUsagePercent() == null ? "–" : esc(org.aiUsagePercent()) + " %")
        .append("</strong> AI usage: accepted AI lines ÷ committed lines");
    if (org.coverage() != null) {
      b.append(", over the ").append(org.coverage().withBoth()).append(" developers with both telemetry and commits (")
          .append(org.coverage().withUsage()).append(" send usage, ").append(org.coverage().withCommits()).append(" commit)");
    }
    if (org.aiLinesBeyondCommitted() != null && org.aiLinesBeyondCommitted() > 0) {
      b.append(". ").append(esc(org.aiLinesBeyondCommitted())).append(" accepted AI lines beyond the committed lines were")
          .append(" not counted (not found in followed repositories); ").append(esc(org.aiExcessDevelopers()))
          .append(org.aiExcessDevelopers() == 1 ? " developer" : " developers").append(" flagged for it");
    }
    b.append(".</p><p>").append(org.aiCoAuthoredCommits() == null ? "–" : esc(org.aiCoAuthoredCommits())).append(" of ")
        .append(org.commits() == null ? "–" : esc(org.commits()))
        .append(" commits carry Claude Code's mark (its co-author trailer or footer: an exact lower bound). Rework: ")
        .append(esc(dash(pair(org.reworkPercentAiCoAuthored(), org.reworkPercentOther())))).append(" % (AI co-authored / other).")
        .append(" Defect rate: ").append(esc(dash(pair(org.defectRateAiCoAuthored(), org.defectRateOther())))).append(".</p></div>");
    return b.toString();
  }
}
