package dev.yardstick.web.api;

import dev.yardstick.metrics.GroupBy;
import dev.yardstick.metrics.ReportService;
import dev.yardstick.metrics.Series;
import dev.yardstick.metrics.Viewer;
import dev.yardstick.model.Csv;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** GET /api/v1/timeseries?metric&interval&groupBy[&from&to&team][&format=csv]: one report figure per period, for charts. */
public final class TimeseriesApi {
  private static final List<String> HEADER = List.of("key", "name", "period", "from", "to", "value");
  private final ReportService reports;
  private final Function<Context, Viewer> viewer;
  private final Clock clock;

  public TimeseriesApi(ReportService reports, Function<Context, Viewer> viewer, Clock clock) {
    this.reports = reports;
    this.viewer = viewer;
    this.clock = clock;
  }

  public void timeseries(Context ctx) {
    boolean csv = ReportCsv.wanted(ctx);
    GroupBy interval = parse(ctx.queryParam("interval"), "interval", List.of("day", "week", "month"), "week");
    GroupBy groupBy = parse(ctx.queryParam("groupBy"), "groupBy", List.of("org", "team", "developer"), "org");
    long org = ApiRequests.org(ctx);
    // without a window: the 90 days up to today in the organization's time zone
    LocalDate to = ctx.queryParam("to") == null ? LocalDate.now(clock.withZone(reports.zone(org))) : ApiRequests.date(ctx, "to");
    LocalDate from = ctx.queryParam("from") == null ? to.minusDays(89) : ApiRequests.date(ctx, "from");
    Series.Answer a = reports.series(org, from, to,
        interval, groupBy, ctx.queryParam("metric"), ApiRequests.team(ctx), viewer.apply(ctx));
    if (csv) {
      StringBuilder out = new StringBuilder(Csv.line(HEADER));
      for (Series.Line line : a.series()) {
        for (Series.Point p : line.points()) {
          List<String> cells = new ArrayList<>(List.of(line.key(), line.name(), p.period(), p.from(), p.to()));
          cells.add(ReportCsv.text(p.value()));
          out.append(Csv.line(cells));
        }
      }
      ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"timeseries-"
          + a.metric() + "-" + a.from() + "-" + a.to() + "-" + a.interval().wire() + "-" + a.groupBy().wire() + ".csv\"")
          .result(out.toString());
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", a.metric());
    out.put("interval", a.interval().wire());
    out.put("groupBy", a.groupBy().wire());
    out.put("from", a.from().toString());
    out.put("to", a.to().toString());
    out.put("series", a.series());
    ctx.json(out);
  }

  private static GroupBy parse(String value, String name, List<String> accepted, String fallback) {
    String v = value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    if (!accepted.contains(v)) {
      throw new IllegalArgumentException(name + " must be one of " + String.join(", ", accepted) + " (got \""
          + value.substring(0, Math.min(20, value.length())) + "\")");
    }
    return GroupBy.parse(v);
  }
}
