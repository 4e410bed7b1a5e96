package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.Plausibility;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageReportTest {
  private static final LocalDate MON = LocalDate.parse("2026-11-02");
  private static final long PLATFORM = 10;
  private static final long PAYMENTS = 11;
  private static final long ENGINEERING = 1;
  private static final UsageReport.Naming NAMING = new UsageReport.Naming() {
    @Override
    public String developer(long id) {
      return "dev" + id + "@example.com";
    }

    @Override
    public List<String> teamAndAncestors(long teamId) {
      return Map.of(PLATFORM, List.of("Platform", "Engineering"), PAYMENTS, List.of("Payments", "Engineering"),
          ENGINEERING, List.of("Engineering")).get(teamId);
    }

    @Override
    public String org() {
      return "Acme";
    }
  };

  @Test
  void build_byDeveloper_sumsDaysOfEachDeveloper_andKeepsUnattributedData() {
    List<ResolvedRow> rows = List.of(row(MON, 1L, PLATFORM, UsageField.COMMITS, 2), row(MON.plusDays(1), 1L, PLATFORM, UsageField.COMMITS, 3),
        row(MON, 2L, PLATFORM, UsageField.COST_USD, 0.1234567), row(MON, null, null, UsageField.COMMITS, 4));

    List<ReportRow> out = UsageReport.build(rows, GroupBy.DEVELOPER, MON, MON.plusDays(6), NAMING, Viewer.ADMIN, 3,
        List.of("dev1@example.com", "dev9@example.com"));

    assertThat(out).extracting(ReportRow::key).containsExactly("dev1@example.com", "dev2@example.com", "dev9@example.com", "unattributed");
    assertThat(out.get(2).commitsByClaudeCode()).isNull(); // known, but no telemetry: unknown, not zero
    assertThat(out.get(0).commitsByClaudeCode()).isEqualTo(5);
    assertThat(out.get(0).developers()).isNull(); // a person, not a group
    assertThat(out.get(1).costUsd()).isEqualTo(0.123457);
    assertThat(out.get(3).commitsByClaudeCode()).isEqualTo(4);
  }

  @Test
  void build_byTeam_parentsIncludeTheirTeams_andNoTeamAndUnattributedStandApart() {
    List<ResolvedRow> rows = List.of(row(MON, 1L, PLATFORM, UsageField.COMMITS, 1), row(MON, 2L, PAYMENTS, UsageField.COMMITS, 2),
        row(MON, 3L, null, UsageField.COMMITS, 4), row(MON, null, null, UsageField.COMMITS, 8));

    List<ReportRow> out = UsageReport.build(rows, GroupBy.TEAM, MON, MON, NAMING, Viewer.ADMIN, 1, List.of());

    assertThat(out).extracting(ReportRow::key).containsExactly("(no team)", "Engineering", "Payments", "Platform", "unattributed");
    assertThat(out).extracting(ReportRow::commitsByClaudeCode).containsExactly(4L, 3L, 2L, 1L, 8L);
    assertThat(out.get(1).developers()).isEqualTo(2);
  }

  @Test
  void build_teamSmallerThanTheMinimum_isWithheldFromThoseWhoMayNotSeeIndividuals() {
    List<ResolvedRow> rows = List.of(row(MON, 1L, PLATFORM, UsageField.COMMITS, 1), row(MON, 2L, PLATFORM, UsageField.COMMITS, 1),
        row(MON, 3L, PAYMENTS, UsageField.COMMITS, 1), row(MON, 4L, PAYMENTS, UsageField.COMMITS, 1),
        row(MON, 5L, PAYMENTS, UsageField.COMMITS, 1));
    Viewer managerWithoutIndividuals = new Viewer(Role.MANAGER, null, Set.of(PLATFORM, PAYMENTS, ENGINEERING), false);
    Viewer managerWithIndividuals = new Viewer(Role.MANAGER, null, Set.of(PLATFORM, PAYMENTS, ENGINEERING), true);

    List<ReportRow> hidden = UsageReport.build(rows, GroupBy.TEAM, MON, MON, NAMING, managerWithoutIndividuals, 3, List.of());
    List<ReportRow> shown = UsageReport.build(rows, GroupBy.TEAM, MON, MON, NAMING, managerWithIndividuals, 3, List.of());

    ReportRow platform = hidden.stream().filter(r -> r.key().equals("Platform")).findFirst().orElseThrow();
    assertThat(platform.withheld()).isTrue();
    assertThat(platform.commitsByClaudeCode()).isNull();
    assertThat(platform.developers()).isEqualTo(2);
    assertThat(hidden.stream().filter(r -> r.key().equals("Payments")).findFirst().orElseThrow().commitsByClaudeCode()).isEqualTo(3);
    assertThat(shown.stream().filter(r -> r.key().equals("Platform")).findFirst().orElseThrow().commitsByClaudeCode()).isEqualTo(2);
  }

  @Test
  void build_byDay_hasEveryDayWithNullsWhereNothingArrived() {
    List<ReportRow> out = UsageReport.build(List.of(row(MON.plusDays(1), 1L, null, UsageField.SESSIONS, 4)), GroupBy.DAY,
        MON, MON.plusDays(2), NAMING, Viewer.ADMIN, 3, List.of());

    assertThat(out).extracting(ReportRow::key).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
    assertThat(out.get(0).sessions()).isNull();
    assertThat(out.get(0).tokens()).isNull();
    assertThat(out.get(1).sessions()).isEqualTo(4);
    assertThat(out.get(1).commits()).isNull(); // git fields stay unknown
  }

  @Test
  void build_byWeek_keysByMonday() {
    List<ReportRow> out = UsageReport.build(List.of(row(MON.plusDays(8), 1L, null, UsageField.COMMITS, 1)), GroupBy.WEEK,
        MON.plusDays(3), MON.plusDays(10), NAMING, Viewer.ADMIN, 3, List.of());

    assertThat(out).extracting(ReportRow::key).containsExactly("2026-11-02", "2026-11-09");
    assertThat(out.get(1).commitsByClaudeCode()).isEqualTo(1);
  }

  @Test
  void build_byOrg_oneRowEvenWithoutData_andCompanyTotalsOfFewDevelopersAreWithheldFromDevelopers() {
    Viewer developer = new Viewer(Role.DEVELOPER, 1L, Set.of(), false);
    List<ResolvedRow> two = List.of(row(MON, 1L, null, UsageField.COMMITS, 1), row(MON, 2L, null, UsageField.COMMITS, 1));

    assertThat(UsageReport.build(List.of(), GroupBy.ORG, MON, MON, NAMING, Viewer.ADMIN, 3, List.of())).singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo("Acme")).satisfies(r -> assertThat(r.sessions()).isNull());
    assertThat(UsageReport.build(two, GroupBy.ORG, MON, MON, NAMING, developer, 3, List.of()).getFirst().withheld()).isTrue();
    assertThat(UsageReport.build(two, GroupBy.ORG, MON, MON, NAMING, Viewer.ADMIN, 3, List.of()).getFirst().commitsByClaudeCode()).isEqualTo(2);
  }

  @Test
  void build_restrictedViewer_getsRowsWithoutTheirSmallCells_andRowsMadeOnlyOfSmallCellsWithheld() {
    List<ResolvedRow> rows = List.of(row(MON, 1L, PLATFORM, UsageField.COMMITS, 1), row(MON, 2L, PLATFORM, UsageField.COMMITS, 2),
        row(MON, 3L, PLATFORM, UsageField.COMMITS, 4), row(MON.plusDays(7), 1L, PLATFORM, UsageField.COMMITS, 8),
        row(MON, 4L, PAYMENTS, UsageField.COMMITS, 16));
    Viewer restricted = new Viewer(Role.MANAGER, null, Set.of(PLATFORM, PAYMENTS, ENGINEERING), false);

    List<ReportRow> out = UsageReport.build(rows, GroupBy.TEAM, MON, MON.plusDays(13), NAMING, restricted, 3, List.of());

    assertThat(out).extracting(ReportRow::key).containsExactly("Engineering", "Payments", "Platform");
    assertThat(out).extracting(ReportRow::commitsByClaudeCode).containsExactly(7L, null, 7L);
    assertThat(out).extracting(ReportRow::withheld).containsExactly(null, true, null);
    assertThat(out).extracting(ReportRow::withheldContributorWeeks).containsExactly(2, null, 1);
    assertThat(out).extracting(ReportRow::developers).containsExactly(3, 1, 3);
    assertThat(UsageReport.build(rows, GroupBy.TEAM, MON, MON.plusDays(13), NAMING, Viewer.ADMIN, 3, List.of()))
        .extracting(ReportRow::commitsByClaudeCode).containsExactly(31L, 16L, 15L);
  }

  @Test
  void build_eachFieldIsNullExactlyWhereNoSourceOfItHasData() {
    SourceMerge.SourcedRow telemetry = new SourceMerge.SourcedRow(MON, "d:1", 1L, null, values(UsageField.ACTIVE_CLI_SECONDS, 60));
    SourceMerge.SourcedRow admin = new SourceMerge.SourcedRow(MON, "d:1", 1L, null, values(UsageField.SESSIONS, 2));
    ResolvedRow git = ResolvedRow.git(MON, 1L, null, new double[dev.yardstick.model.GitField.count()]);
    record Case(String name, List<ResolvedRow> rows, boolean usage, Double active, boolean git) {}
    List<Case> cases = List.of(
        new Case("telemetry", SourceMerge.merge(List.of(telemetry), List.of(), UsageSource.MERGED), true, 60.0, false),
        new Case("admin api", SourceMerge.merge(List.of(), List.of(admin), UsageSource.MERGED), true, null, false),
        new Case("both", SourceMerge.merge(List.of(telemetry), List.of(admin), UsageSource.MERGED), true, 60.0, false),
        new Case("both, admin api alone", SourceMerge.merge(List.of(telemetry), List.of(admin), UsageSource.ADMIN_API), true, null, false),
        new Case("git", List.of(git), false, null, true),
        new Case("admin api and git", java.util.stream.Stream.concat(SourceMerge.merge(List.of(), List.of(admin),
            UsageSource.MERGED).stream(), java.util.stream.Stream.of(git)).toList(), true, null, true),
        new Case("nothing", List.of(), false, null, false));
    for (Case c : cases) {
      ReportRow r = UsageReport.build(c.rows(), GroupBy.DEVELOPER, MON, MON, NAMING, Viewer.ADMIN, 3, List.of("dev1@example.com"))
          .getFirst();
      Object[] usage = {r.sessions(), r.aiLinesAdded(), r.aiLinesRemoved(), r.editsAccepted(), r.editsRejected(),
          r.commitsByClaudeCode(), r.pullRequestsByClaudeCode(), r.costUsd(), r.tokens()};
      Object[] gitFields = {r.commits(), r.committedLinesAdded(), r.committedLinesRemoved(), r.aiCoAuthoredCommits()};
      assertThat(usage).as(c.name()).allMatch(v -> (v != null) == c.usage());
      assertThat(gitFields).as(c.name()).allMatch(v -> (v != null) == c.git());
      assertThat(r.activeTimeSeconds()).as(c.name()).isEqualTo(c.active());
      assertThat(r.coverage() == null).as(c.name()).isEqualTo(!c.usage() && !c.git());
    }
  }

  private static double[] values(UsageField f, double v) {
    double[] values = new double[UsageField.count()];
    values[f.ordinal()] = v;
    return values;
  }

  @Test
  void build_sumsBeyondTheLargestExactInteger_saturateThere_andRoundedFiguresStayTrue() {
    double max = Plausibility.MAX_SUM;
    List<ResolvedRow> rows = List.of(row(MON, 1L, PLATFORM, UsageField.COMMITS, 0.75 * max),
        row(MON.plusDays(1), 1L, PLATFORM, UsageField.COMMITS, 0.75 * max),
        row(MON, 1L, PLATFORM, UsageField.LINES_ADDED, 1.7e308), row(MON.plusDays(1), 1L, PLATFORM, UsageField.LINES_ADDED, 1.7e308),
        row(MON, 1L, PLATFORM, UsageField.COST_USD, 1e300), row(MON, 2L, PLATFORM, UsageField.COST_USD, 123_456_789_012.3456789),
        row(MON, 2L, PLATFORM, UsageField.ACTIVE_USER_SECONDS, 1e300), git(1L, 1.7e308), git(1L, 1.7e308));

    List<ReportRow> out = UsageReport.build(rows, GroupBy.DEVELOPER, MON, MON.plusDays(6), NAMING, Viewer.ADMIN, 3, List.of());

    assertThat(out.get(0).commitsByClaudeCode()).isEqualTo((long) max);
    assertThat(out.get(0).aiLinesAdded()).isEqualTo((long) max);
    assertThat(out.get(0).costUsd()).isEqualTo(max);
    assertThat(out.get(0).committedLinesAdded()).isEqualTo((long) max);
    assertThat(out.get(1).costUsd()).isEqualTo(123_456_789_012.345679);
    assertThat(out.get(1).activeTimeSeconds()).isEqualTo(max);
  }

  private static ResolvedRow git(Long developer, double linesAdded) {
    double[] git = new double[dev.yardstick.model.GitField.count()];
    git[dev.yardstick.model.GitField.LINES_ADDED.ordinal()] = linesAdded;
    return ResolvedRow.git(MON, developer, PLATFORM, git);
  }

  private static ResolvedRow row(LocalDate day, Long developer, Long team, UsageField f, double v) {
    double[] values = new double[UsageField.count()];
    values[f.ordinal()] = v;
    return new ResolvedRow(day, developer, team, values);
  }
}
