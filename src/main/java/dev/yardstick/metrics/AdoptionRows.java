package dev.yardstick.metrics;

import dev.yardstick.metrics.adoption.ActivityDay;
import dev.yardstick.metrics.adoption.CommitDay;
import dev.yardstick.model.GitField;
import dev.yardstick.model.UsageField;
import java.util.ArrayList;
import java.util.List;

/** The report's resolved, merged daily rows as the inputs of the adoption, acceptance and spend functions. */
final class AdoptionRows {
  private AdoptionRows() {}

  /** Usage rows (telemetry, Admin API or merged) as activity; git rows are skipped. */
  static List<ActivityDay> activity(List<ResolvedRow> rows) {
    List<ActivityDay> out = new ArrayList<>(rows.size());
    for (ResolvedRow r : rows) {
      double[] v = r.values();
      if (v == null) {
        continue;
      }
      Double seconds = r.activeTimeKnown() ? v[UsageField.ACTIVE_USER_SECONDS.ordinal()] + v[UsageField.ACTIVE_CLI_SECONDS.ordinal()] : null;
      double tokens = v[UsageField.TOKENS_INPUT.ordinal()] + v[UsageField.TOKENS_OUTPUT.ordinal()]
          + v[UsageField.TOKENS_CACHE_READ.ordinal()] + v[UsageField.TOKENS_CACHE_CREATION.ordinal()];
      out.add(new ActivityDay(r.day(), r.developerId(), r.teamId(), v[UsageField.SESSIONS.ordinal()], seconds,
          v[UsageField.EDITS_ACCEPTED.ordinal()] + v[UsageField.EDITS_REJECTED.ordinal()], tokens,
          v[UsageField.LINES_ADDED.ordinal()], r.activeTimeKnown()));
    }
    return out;
  }

  /** Git rows as commit days; usage rows are skipped. */
  static List<CommitDay> commits(List<ResolvedRow> rows) {
    List<CommitDay> out = new ArrayList<>();
    for (ResolvedRow r : rows) {
      if (r.git() != null) {
        out.add(new CommitDay(r.day(), r.developerId(), r.teamId(), Math.round(r.git()[GitField.COMMITS.ordinal()]),
            Math.round(r.git()[GitField.AI_COMMITS.ordinal()])));
      }
    }
    return out;
  }
}
