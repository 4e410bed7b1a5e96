package dev.yardstick.metrics.adoption;

import static dev.yardstick.metrics.adoption.IntervalTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.yardstick.metrics.adoption.Adoption.PeriodAdoption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Active AI users per period, hand-computed. */
class AdoptionTest {
  static ActivityDay tel(String day, Long dev, double sessions, double seconds, double decisions, double tokens) {
    return new ActivityDay(d(day), dev, null, sessions, seconds, decisions, tokens, 0, true);
  }

  static ActivityDay admin(String day, Long dev, double sessions, double decisions, double tokens) {
    return new ActivityDay(d(day), dev, null, sessions, null, decisions, tokens, 0, false);
  }

  static CommitDay commit(String day, Long dev, long commits) {
    return new CommitDay(d(day), dev, null, commits, 0);
  }

  static final List<KnownDeveloper> ROSTER = List.of(new KnownDeveloper(1), new KnownDeveloper(2), new KnownDeveloper(3),
      new KnownDeveloper(4), new KnownDeveloper(5, d("2026-02-10"), null), new KnownDeveloper(6, null, d("2026-01-31")));

  // week 2026-02-02..08: 1 telemetry on two days, 2 by the Admin API only, 3 sends telemetry without activity,
  // 4 commits without telemetry, 1 commits too; unattributed usage counts for nobody
  static final List<ActivityDay> ACTIVITY = List.of(tel("2026-02-02", 1L, 2, 600, 0, 0), tel("2026-02-03", 1L, 0, 0, 0, 100),
      admin("2026-02-04", 2L, 1, 0, 50), tel("2026-02-05", 3L, 0, 0, 0, 0), tel("2026-02-05", null, 5, 900, 3, 10));
  static final List<CommitDay> COMMITS = List.of(commit("2026-02-05", 4L, 3), commit("2026-02-06", 1L, 1),
      commit("2026-02-06", null, 7));

  @Test
  void aWeek_countsActiveUsers_outOfKnownDevelopers_andOutOfCommitters() {
    List<PeriodAdoption> weeks = Adoption.byPeriod(ACTIVITY, COMMITS, ROSTER, Interval.WEEK, d("2026-02-02"), d("2026-02-15"));

    assertThat(weeks.get(0)).isEqualTo(new PeriodAdoption("2026-W06", d("2026-02-02"), d("2026-02-08"), true,
        4, 2, 0.5, 2, 1, 0.5, 2, 0.5, 3L, 1.5, 600.0, 1, 600.0));
    // 5 joins on the 10th; nobody used Claude Code or committed: counts 0, ratios without denominator and sums unknown
    assertThat(weeks.get(1)).isEqualTo(new PeriodAdoption("2026-W07", d("2026-02-09"), d("2026-02-15"), true,
        5, 0, 0.0, 0, 0, null, 0, 0.0, null, null, null, null, null));
  }

  @Test
  void withoutGit_committerFiguresAreUnknown_notZero() {
    PeriodAdoption w = Adoption.byPeriod(ACTIVITY, null, ROSTER, Interval.WEEK, d("2026-02-02"), d("2026-02-08")).getFirst();
    assertThat(w.developersWithCommits()).isNull();
    assertThat(w.activeWithCommits()).isNull();
    assertThat(w.activeShareOfCommitters()).isNull();
    assertThat(w.activeUsers()).isEqualTo(2);
  }

  @Test
  void days_countEachDayOnItsOwn() {
    List<PeriodAdoption> days = Adoption.byPeriod(ACTIVITY, COMMITS, ROSTER, Interval.DAY, d("2026-02-02"), d("2026-02-06"));
    assertThat(days).extracting(PeriodAdoption::activeUsers).containsExactly(1, 1, 1, 0, 0);
    assertThat(days).extracting(PeriodAdoption::developersSendingTelemetry).containsExactly(1, 1, 0, 1, 0);
    assertThat(days).extracting(PeriodAdoption::developersWithCommits).containsExactly(0, 0, 0, 1, 1);
    assertThat(days.get(2).activeSeconds()).isNull(); // the Admin API has no active time
  }

  @Test
  void aWeekSpanningTwoMonths_countsADeveloperOnceInTheWeek_andInEachMonthTheyWereActive() {
    List<ActivityDay> a = List.of(tel("2026-01-27", 1L, 1, 0, 0, 0), tel("2026-02-01", 1L, 1, 0, 0, 0),
        tel("2026-01-30", 2L, 0, 30, 0, 0));
    List<KnownDeveloper> roster = List.of(new KnownDeveloper(1), new KnownDeveloper(2));
    assertThat(Adoption.byPeriod(a, List.of(), roster, Interval.WEEK, d("2026-01-26"), d("2026-02-01")))
        .extracting(PeriodAdoption::activeUsers, PeriodAdoption::sessions).containsExactly(tuple(2, 2L));
    assertThat(Adoption.byPeriod(a, List.of(), roster, Interval.MONTH, d("2026-01-26"), d("2026-02-01")))
        .extracting(PeriodAdoption::period, PeriodAdoption::activeUsers, PeriodAdoption::whole)
        .containsExactly(tuple("2026-01", 2, false), tuple("2026-02", 1, false));
  }

  @Test
  void noActivity_emptyWindows_andThreeYears() {
    assertThat(Adoption.byPeriod(List.of(), List.of(), List.of(), Interval.WEEK, d("2026-02-02"), d("2026-02-08")))
        .containsExactly(new PeriodAdoption("2026-W06", d("2026-02-02"), d("2026-02-08"), true, 0, 0, null, 0, 0, null, 0,
            null, null, null, null, null, null));
    assertThat(Adoption.byPeriod(ACTIVITY, COMMITS, ROSTER, Interval.DAY, d("2026-02-08"), d("2026-02-07"))).isEmpty();
    List<ActivityDay> yearly = List.of(tel("2024-02-29", 1L, 1, 0, 0, 0), tel("2025-07-01", 2L, 1, 0, 0, 0),
        tel("2026-12-31", 1L, 1, 0, 0, 0), tel("2027-01-01", 1L, 1, 0, 0, 0));
    List<PeriodAdoption> months = Adoption.byPeriod(yearly, null, ROSTER, Interval.MONTH, d("2024-01-01"), d("2026-12-31"));
    assertThat(months).hasSize(36);
    assertThat(months.stream().mapToInt(PeriodAdoption::activeUsers).sum()).isEqualTo(3); // 2027 is outside
    assertThat(months.get(1).activeUsers()).isEqualTo(1);
    assertThat(months.get(0).knownDevelopers()).isEqualTo(5); // 5 joins in 2026; 6, who left in 2026, was known then
  }
}
