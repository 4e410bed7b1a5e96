package dev.yardstick.metrics;

import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.BreakdownAnswers.SpendRow;
import java.util.List;

/** Pure: the report's rows for groupBy=model and groupBy=tool, from the spend and acceptance rows; other fields null. */
final class BreakdownReport {
  private BreakdownReport() {}

  static List<ReportRow> models(List<SpendRow> spend) {
    return spend.stream().filter(r -> r.dimension().equals("model")).map(r -> new ReportRow(r.key(), r.developers(),
        r.withheld() ? Boolean.TRUE : null, null, null, null, null, null, null, null, null, r.costUsd(),
        r.tokens() == null ? null : new ReportRow.Tokens(r.tokens().input(), r.tokens().output(), r.tokens().cacheRead(),
            r.tokens().cacheCreation()),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)).toList();
  }

  static List<ReportRow> tools(List<AcceptanceRow> acceptance) {
    return acceptance.stream().filter(r -> r.dimension().equals("tool")).map(r -> new ReportRow(r.key(), r.developers(),
        r.withheld() ? Boolean.TRUE : null, null, null, null, null, r.accepted(), r.rejected(), null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)).toList();
  }
}
