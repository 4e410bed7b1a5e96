package dev.yardstick.web.api;

import dev.yardstick.metrics.BreakdownAnswers;
import dev.yardstick.metrics.BreakdownAnswers.Answer;
import dev.yardstick.metrics.BreakdownService;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.metrics.adoption.Interval;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * GET /api/v1/adoption?from&to&interval[&team], /api/v1/acceptance?from&to[&team] and /api/v1/spend?from&to[&team]
 * [&format=csv]: the company's or a team's figures, as far as the caller may see them.
 */
public final class BreakdownApi {
  private final BreakdownService service;
  private final Function<Context, Viewer> viewer;

  public BreakdownApi(BreakdownService service, Function<Context, Viewer> viewer) {
    this.service = service;
    this.viewer = viewer;
  }

  public BreakdownService service() {
    return service;
  }

  public void adoption(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    String interval = ctx.queryParam("interval");
    Interval parsed = Interval.parse(interval == null || interval.isBlank() ? "week" : interval);
    answer(ctx, csv, "adoption", BreakdownAnswers.AdoptionRow.class, service.adoption(ApiRequests.org(ctx),
        ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), parsed, team(ctx), viewer.apply(ctx)));
  }

  public void acceptance(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    answer(ctx, csv, "acceptance", BreakdownAnswers.AcceptanceRow.class, service.acceptance(ApiRequests.org(ctx),
        ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), team(ctx), viewer.apply(ctx)));
  }

  public void spend(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    answer(ctx, csv, "spend", BreakdownAnswers.SpendRow.class, service.spend(ApiRequests.org(ctx),
        ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"), team(ctx), viewer.apply(ctx)));
  }

  private static String team(Context ctx) {
    String team = ctx.queryParam("team");
    return team == null || team.isBlank() ? null : team;
  }

  private static <T> void answer(Context ctx, boolean csv, String name, Class<T> type, Answer<T> a) {
    if (csv) {
      ReportCsv.write(ctx, type, a.rows(), name + "-" + a.from() + "-" + a.to() + (a.interval() == null ? "" : "-" + a.interval())
          + (a.team() == null ? "" : "-" + a.team().replaceAll("[^A-Za-z0-9_-]", "_")) + ".csv");
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", a.from().toString());
    out.put("to", a.to().toString());
    out.put("team", a.team());
    if (a.interval() != null) {
      out.put("interval", a.interval());
    }
    out.put("rows", a.rows());
    ctx.json(out);
  }
}
