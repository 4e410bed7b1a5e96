package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.SourceMerge.SourcedRow;
import dev.yardstick.metrics.adoption.ActivityDay;
import dev.yardstick.metrics.adoption.CommitDay;
import dev.yardstick.metrics.adoption.ModelDay;
import dev.yardstick.metrics.adoption.Spend;
import dev.yardstick.model.GitField;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's merged rows as the adoption functions' inputs, and the merge rule applied to per-model rows. */
class AdoptionRowsTest {
  static final LocalDate D1 = LocalDate.parse("2026-10-01");
  static final LocalDate D2 = LocalDate.parse("2026-10-02");

  static double[] usage(double sessions, double tokensIn, double cost, double activeUser, double activeCli) {
    double[] v = new double[UsageField.count()];
    v[UsageField.SESSIONS.ordinal()] = sessions;
    v[UsageField.TOKENS_INPUT.ordinal()] = tokensIn;
    v[UsageField.TOKENS_CACHE_READ.ordinal()] = 2 * tokensIn;
    v[UsageField.COST_USD.ordinal()] = cost;
    v[UsageField.EDITS_REJECTED.ordinal()] = 1;
    v[UsageField.LINES_ADDED.ordinal()] = 40;
    v[UsageField.ACTIVE_USER_SECONDS.ordinal()] = activeUser;
    v[UsageField.ACTIVE_CLI_SECONDS.ordinal()] = activeCli;
    return v;
  }

  @Test
  void mergedRows_becomeActivity_withActiveTimeOnlyWhereTelemetryIs_andGitRowsCommitDays() {
    List<SourcedRow> tel = List.of(new SourcedRow(D1, "d:1", 1L, 7L, usage(2, 10, 0.5, 30, 70)));
    List<SourcedRow> adm = List.of(new SourcedRow(D1, "d:1", 1L, 7L, usage(3, 20, 0.75, 0, 0)),
        new SourcedRow(D2, "d:2", 2L, null, usage(1, 5, 0.25, 0, 0)));
    double[] git = new double[GitField.count()];
    git[GitField.COMMITS.ordinal()] = 4;
    git[GitField.AI_COMMITS.ordinal()] = 1;
    List<ResolvedRow> rows = new java.util.ArrayList<>(SourceMerge.merge(tel, adm, UsageSource.MERGED));
    rows.add(ResolvedRow.git(D2, 1L, 7L, git));

    assertThat(AdoptionRows.activity(rows)).containsExactlyInAnyOrder(
        new ActivityDay(D1, 1L, 7L, 3, 100.0, 1, 60, 40, true), new ActivityDay(D2, 2L, null, 1, null, 1, 15, 40, false));
    assertThat(AdoptionRows.commits(rows)).containsExactly(new CommitDay(D2, 1L, 7L, 4, 1));
  }

  record Tagged(String subject, ModelDay row) {}

  static Tagged model(String subject, LocalDate day, String model, double cost) {
    return new Tagged(subject, new ModelDay(day, 1L, null, model, 0, 0, 0, 0, cost));
  }

  @Test
  void perModelRows_followTheRule_adminApiWholeDaysReplaceTelemetrys() {
    List<Tagged> tel = List.of(model("d:1", D1, "opus", 1.0), model("d:1", D1, "haiku", 0.5), model("d:1", D2, "sonnet", 0.25));
    // the Admin API has d:1's first day, with another model split: none of telemetry's rows of that day may stay
    List<Tagged> adm = List.of(model("d:1", D1, "opus", 2.0));
    List<SourcedRow> admDays = List.of(new SourcedRow(D1, "d:1", 1L, null, usage(1, 1, 2.0, 0, 0)));

    List<Tagged> merged = SourceMerge.breakdown(tel, adm, admDays, t -> List.of(t.subject(), t.row().day()), UsageSource.MERGED);

    assertThat(merged).containsExactlyInAnyOrder(adm.get(0), tel.get(2));
    assertThat(Spend.unitCosts(merged.stream().map(Tagged::row).toList(), List.of(), null).costUsd()).isEqualTo(2.25);
    assertThat(SourceMerge.breakdown(tel, adm, admDays, t -> List.of(t.subject(), t.row().day()), UsageSource.TELEMETRY))
        .isEqualTo(tel);
    assertThat(SourceMerge.breakdown(tel, adm, admDays, t -> List.of(t.subject(), t.row().day()), UsageSource.ADMIN_API))
        .isEqualTo(adm);
  }
}
