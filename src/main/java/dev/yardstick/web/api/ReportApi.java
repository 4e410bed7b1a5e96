package dev.yardstick.web.api;

import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.Report;
import dev.yardstick.metrics.ReportService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/v1/report?from&to&groupBy: rollups of the caller's organization. */
public final class ReportApi {
  private final ReportService reports;

  public ReportApi(ReportService reports) {
    this.reports = reports;
  }

  public void report(Context ctx) {
    GroupBy groupBy = GroupBy.parse(ctx.queryParam("groupBy"));
    Report r = reports.report(ApiRequests.org(ctx), ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), groupBy);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", r.from().toString());
    out.put("to", r.to().toString());
    out.put("groupBy", r.groupBy().wire());
    out.put("rows", r.rows());
    ctx.json(out);
  }
}
