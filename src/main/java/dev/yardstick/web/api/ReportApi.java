package dev.yardstick.web.api;

import dev.yardstick.metrics.BreakdownService;
import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.UsageSource;
import dev.yardstick.metrics.Viewer;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** GET /api/v1/report?from&to&groupBy[&team][&format=csv] (model and tool rows from BreakdownService): rollups of the caller's organization, as far as the caller may see. */
public final class ReportApi {
  private final ReportService reports;
  private final BreakdownService breakdowns;
  private final Function<Context, Viewer> viewer;

  public ReportApi(ReportService reports, BreakdownService breakdowns, Function<Context, Viewer> viewer) {
    this.reports = reports;
    this.breakdowns = breakdowns;
    this.viewer = viewer;
  }

  public void report(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    GroupBy groupBy = GroupBy.parse(ctx.queryParam("groupBy"));
    UsageSource source = UsageSource.parse(ctx.queryParam("source"));
    if (groupBy.isBreakdown() && source != UsageSource.MERGED) {
      throw new IllegalArgumentException("groupBy=" + groupBy.wire() + " answers the merged sources only (source=merged)");
    }
    String team = ApiRequests.team(ctx);
    Report r = groupBy.isBreakdown()
        ? breakdowns.report(ApiRequests.org(ctx), ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), groupBy, team,
            viewer.apply(ctx))
        : reports.report(ApiRequests.org(ctx), ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), groupBy, team,
            viewer.apply(ctx), source);
    if (csv) {
      ReportCsv.write(ctx, r);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", r.from().toString());
    out.put("to", r.to().toString());
    out.put("groupBy", r.groupBy().wire());
    out.put("source", source.name().toLowerCase(java.util.Locale.ROOT));
    out.put("team", team);
    out.put("rows", r.rows());
    ctx.json(out);
  }
}
