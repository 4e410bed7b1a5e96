package dev.yardstick.web.api;

import dev.yardstick.impact.Comparison;
import dev.yardstick.impact.Impact;
import dev.yardstick.metrics.ImpactService;
import dev.yardstick.model.Csv;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The impact answer as CSV: one row per comparison and measure, the JSON's fields as columns. */
final class ImpactCsv {
  private static final List<String> HEADER = List.of("comparison", "measure", "estimate", "low", "high", "nDevelopers",
      "nWeeksA", "nWeeksB", "nCommitsA", "nCommitsB", "notEnoughData");

  private ImpactCsv() {}

  static void write(Context ctx, ImpactService.Answer a) {
    StringBuilder out = new StringBuilder(Csv.line(HEADER));
    delivery(out, "highVsLowAi", a.report().highVsLowAi());
    delivery(out, "afterVsBeforeAdoption", a.report().afterVsBeforeAdoption());
    row(out, "aiCoAuthoredVsOther", "reworkPercent", a.report().aiCoAuthoredVsOther().reworkPercent());
    row(out, "aiCoAuthoredVsOther", "defectRate", a.report().aiCoAuthoredVsOther().defectRate());
    String team = a.team() == null ? "" : "-" + a.team().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"impact-" + a.from()
        + "-" + a.to() + team + ".csv\"").result(out.toString());
  }

  private static void delivery(StringBuilder out, String comparison, Impact.Delivery d) {
    row(out, comparison, "commitsPerWeek", d.commitsPerWeek());
    row(out, comparison, "linesPerWeek", d.linesPerWeek());
    row(out, comparison, "reworkPercent", d.reworkPercent());
    row(out, comparison, "defectRate", d.defectRate());
  }

  private static void row(StringBuilder out, String comparison, String measure, Comparison c) {
    Map<String, Object> json = ImpactApi.json(c); // the JSON answer's own fields, so the two cannot drift apart
    List<String> cells = new ArrayList<>(List.of(comparison, measure));
    for (String column : HEADER.subList(2, HEADER.size())) {
      cells.add(ReportCsv.text(json.get(column)));
    }
    out.append(Csv.line(cells));
  }
}
