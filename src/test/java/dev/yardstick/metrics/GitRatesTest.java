package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.GitField;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Git figures in report rows: AI usage % only over developers with both sources, rates split AI against the rest. */
class GitRatesTest {
  static final LocalDate D = LocalDate.parse("2026-11-02");

  static ResolvedRow usage(long dev, double aiLines) {
    double[] v = new double[UsageField.count()];
    v[UsageField.LINES_ADDED.ordinal()] = aiLines;
    return new ResolvedRow(D, dev, 1L, v);
  }

  static ResolvedRow git(Long dev, double commits, double added, double aiCommits, double aiAdded, double reworked,
      double aiReworked, double defects, double aiDefects) {
    double[] g = new double[GitField.count()];
    g[GitField.COMMITS.ordinal()] = commits;
    g[GitField.LINES_ADDED.ordinal()] = added;
    g[GitField.AI_COMMITS.ordinal()] = aiCommits;
    g[GitField.AI_LINES_ADDED.ordinal()] = aiAdded;
    g[GitField.REWORKED_LINES.ordinal()] = reworked;
    g[GitField.AI_REWORKED_LINES.ordinal()] = aiReworked;
    g[GitField.DEFECT_COMMITS.ordinal()] = defects;
    g[GitField.AI_DEFECT_COMMITS.ordinal()] = aiDefects;
    return ResolvedRow.git(D, dev, 1L, g);
  }

  static final UsageReport.Naming NAMING = new UsageReport.Naming() {
    @Override
    public String developer(long id) {
      return "dev" + id + "@example.com";
    }

    @Override
    public List<String> teamAndAncestors(long teamId) {
      return List.of("Platform");
    }

    @Override
    public String org() {
      return "Acme";
    }
  };

  @Test
  void aiUsage_onlyWhereBothExist_andRatesSplit() {
    List<ResolvedRow> rows = List.of(
        usage(1, 300), git(1L, 10, 1000, 4, 400, 100, 80, 2, 2), // both: 300 / 1000
        usage(2, 500), // telemetry only: no denominator, left out
        git(3L, 5, 1000, 0, 0, 10, 0, 0, 0)); // commits only: left out of the numerator and denominator
    ReportRow org = UsageReport.build(rows, GroupBy.ORG, D, D, NAMING, Viewer.ADMIN, 1, List.of()).getFirst();

    assertThat(org.aiUsagePercent()).isEqualTo(30.0);
    assertThat(org.coverage()).isEqualTo(new ReportRow.Coverage(2, 2, 1));
    assertThat(org.commits()).isEqualTo(15);
    assertThat(org.committedLinesAdded()).isEqualTo(2000);
    assertThat(org.aiLinesAdded()).isEqualTo(800);
    assertThat(org.reworkPercent()).isEqualTo(5.5);
    assertThat(org.reworkPercentAiCoAuthored()).isEqualTo(20.0);
    assertThat(org.reworkPercentOther()).isEqualTo(1.88);
    assertThat(org.defectRate()).isEqualTo(0.1333);
    assertThat(org.defectRateAiCoAuthored()).isEqualTo(0.5);
    assertThat(org.defectRateOther()).isEqualTo(0.0);

    ReportRow onlyTelemetry = UsageReport.build(List.of(usage(2, 500)), GroupBy.DEVELOPER, D, D, NAMING, Viewer.ADMIN, 1, List.of())
        .getFirst();
    assertThat(onlyTelemetry.commits()).isNull();
    assertThat(onlyTelemetry.aiUsagePercent()).isNull();
    assertThat(onlyTelemetry.reworkPercent()).isNull();
    ReportRow onlyGit = UsageReport.build(List.of(git(3L, 5, 1000, 0, 0, 10, 0, 0, 0)), GroupBy.DEVELOPER, D, D, NAMING,
        new Viewer(Role.ADMIN, null, Set.of(), true), 1, List.of()).getFirst();
    assertThat(onlyGit.sessions()).isNull();
    assertThat(onlyGit.costUsd()).isNull();
    assertThat(onlyGit.reworkPercentAiCoAuthored()).isNull();
  }
}
