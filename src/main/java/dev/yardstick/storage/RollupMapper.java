package dev.yardstick.storage;

import dev.yardstick.model.Event;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.UsageField;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** Which day rows a newly stored fact group adds to, and what. */
final class RollupMapper {
  private static final String DECISION = "claude_code.code_edit_tool.decision";

  private RollupMapper() {}

  /** Adds the group's events and delta points; cumulative points wait for their series state. */
  static void add(DayRows rows, long org, ZoneId zone, long identityId, FactGroup group, int batch,
      List<CumulativeSeries.Pending> cumulative) {
    for (Event e : group.events()) {
      rows.addEvents(org, Times.day(e.timeNanos(), zone), identityId, e.name(), 1);
    }
    for (MetricPoint p : group.points()) {
      if (p.temporality() == MetricPoint.Temporality.DELTA) {
        addPoint(rows, org, zone, identityId, p, p.value());
      } else {
        cumulative.add(new CumulativeSeries.Pending(org, identityId, group, p, batch));
      }
    }
  }

  static void addPoint(DayRows rows, long org, ZoneId zone, long identityId, MetricPoint p, double increment) {
    if (increment == 0) {
      return;
    }
    var day = Times.day(p.timeNanos(), zone);
    UsageField field = UsageField.of(p.name(), p.dims());
    if (field != null) {
      rows.addUsage(org, day, identityId, p.model(), field, increment);
    }
    if (DECISION.equals(p.name())) {
      rows.addDecision(org, day, identityId, new DayDetail.Decision(text(p, "tool_name"), text(p, "decision"),
          text(p, "language"), text(p, "source")), increment);
    }
  }

  private static String text(MetricPoint p, String dim) {
    return Objects.requireNonNullElse(p.dims().get(dim), "");
  }
}
