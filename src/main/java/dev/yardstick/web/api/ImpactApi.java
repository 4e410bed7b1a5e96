package dev.yardstick.web.api;

import dev.yardstick.impact.Comparison;
import dev.yardstick.impact.Impact;
import dev.yardstick.metrics.ImpactService;
import dev.yardstick.metrics.Viewer;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** GET /api/v1/impact?from&to[&team][&format=csv]: the effect on delivery of the company or a team (with its sub-teams). */
public final class ImpactApi {
  private final ImpactService impact;
  private final Function<Context, Viewer> viewer;

  public ImpactApi(ImpactService impact, Function<Context, Viewer> viewer) {
    this.impact = impact;
    this.viewer = viewer;
  }

  public void impact(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    ImpactService.Answer a = impact.impact(ApiRequests.org(ctx), ApiRequests.date(ctx, "from"), ApiRequests.date(ctx, "to"),
        ApiRequests.team(ctx), viewer.apply(ctx));
    if (csv) {
      ImpactCsv.write(ctx, a);
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", a.from().toString());
    out.put("to", a.to().toString());
    out.put("team", a.team());
    out.put("highVsLowAi", delivery(a.report().highVsLowAi()));
    out.put("afterVsBeforeAdoption", delivery(a.report().afterVsBeforeAdoption()));
    Map<String, Object> split = new LinkedHashMap<>();
    split.put("reworkPercent", json(a.report().aiCoAuthoredVsOther().reworkPercent()));
    split.put("defectRate", json(a.report().aiCoAuthoredVsOther().defectRate()));
    out.put("aiCoAuthoredVsOther", split);
    ctx.json(out);
  }

  private static Map<String, Object> delivery(Impact.Delivery d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("commitsPerWeek", json(d.commitsPerWeek()));
    out.put("linesPerWeek", json(d.linesPerWeek()));
    out.put("reworkPercent", json(d.reworkPercent()));
    out.put("defectRate", json(d.defectRate()));
    return out;
  }

  static Map<String, Object> json(Comparison c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("estimate", c.estimate());
    out.put("low", c.low());
    out.put("high", c.high());
    out.put("nDevelopers", c.nDevelopers());
    out.put("nWeeksA", c.nWeeksA());
    out.put("nWeeksB", c.nWeeksB());
    out.put("nCommitsA", c.nCommitsA());
    out.put("nCommitsB", c.nCommitsB());
    out.put("notEnoughData", c.notEnoughData());
    return out;
  }
}
