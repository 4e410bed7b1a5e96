package dev.yardstick.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed comparisons: which weeks count on which side, and what each pooled figure is. */
class ImpactTest {
  static final LocalDate W0 = LocalDate.parse("2026-06-01"); // a Monday
  static final Settings S = Settings.DEFAULT;

  static LocalDate week(int i) {
    return W0.plusWeeks(i);
  }

  static DeveloperWeek tel(long dev, int i, double hours, long commits, long lines, long reworked, long defects) {
    return new DeveloperWeek(dev, week(i), true, hours, commits, lines, reworked, defects, 0, 0, 0, 0);
  }

  /** 4 low weeks (200 lines, 20 reworked, 5 commits, 1 defect), 4 high weeks, 3 weeks that count on no side. */
  static List<DeveloperWeek> liftDeveloper(long dev, double lineRatio) {
    List<DeveloperWeek> w = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      w.add(tel(dev, i, i == 0 ? 0 : 0.4, 5, 200, 20, 1));
      w.add(tel(dev, 4 + i, 2 + i, 5, Math.round(200 * lineRatio), Math.round(30 * lineRatio), 0));
    }
    w.add(tel(dev, 8, 1.0, 50, 5_000, 0, 0)); // between the thresholds: neither side
    w.add(DeveloperWeek.gitOnly(dev, week(9), 50, 5_000)); // no telemetry: AI unknown
    w.add(tel(dev, 10, 0, 0, 0, 0, 0)); // absent: no commits, no AI (a low week of zeros otherwise)
    return w;
  }

  @Test
  void liftWithinDevelopersIsTheGeometricMeanOfOwnRatiosAndTheMeanOfOwnDifferences() {
    double[] ratios = {1.1, 1.2, 1.0, 1.5, 0.9};
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (int d = 0; d < ratios.length; d++) {
      weeks.addAll(liftDeveloper(d + 1, ratios[d]));
    }
    Impact.Delivery lift = Impact.report(weeks, S).highVsLowAi();

    double geometric = Math.pow(1.1 * 1.2 * 1.0 * 1.5 * 0.9, 1.0 / 5);
    assertThat(lift.linesPerWeek().estimate()).isCloseTo((geometric - 1) * 100, within(1e-9));
    assertThat(lift.linesPerWeek().low()).isLessThan(lift.linesPerWeek().estimate());
    assertThat(lift.linesPerWeek().high()).isGreaterThan(lift.linesPerWeek().estimate());
    // the same 5 commits a week on both sides: no lift, and no spread to resample
    assertThat(lift.commitsPerWeek()).isEqualTo(new Comparison(0.0, 0.0, 0.0, 5, 20L, 20L, 100, 100, null));
    // rework 15% of lines in high weeks against 10% in low ones: +5 points for everyone
    assertThat(lift.reworkPercent().estimate()).isCloseTo(5, within(1e-9));
    assertThat(lift.reworkPercent().low()).isCloseTo(5, within(1e-9));
    assertThat(lift.reworkPercent().high()).isCloseTo(5, within(1e-9));
    // 0 of 20 commits against 4 of 20
    assertThat(lift.defectRate().estimate()).isCloseTo(-0.2, within(1e-12));
    assertThat(lift.defectRate().nWeeksA()).isEqualTo(20);
    assertThat(lift.defectRate().nWeeksB()).isEqualTo(20);
  }

  @Test
  void beforeAndAfterAdoptionLeavesOutTheAdoptionWeekAndWeeksBeyondTheWindowAndCountsWeeksWithoutTelemetryBefore() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 5; d++) {
      for (int i = 0; i < 4; i++) {
        weeks.add(DeveloperWeek.gitOnly(d, week(i), 4, 100));
      }
      weeks.add(DeveloperWeek.gitOnly(d, week(-8), 90, 90_000)); // 13 weeks before adoption: beyond the window
      weeks.add(tel(d, 18, 2, 90, 90_000, 0, 0)); // 13 weeks after
      weeks.add(DeveloperWeek.gitOnly(d, week(4), 0, 0)); // absent
      weeks.add(tel(d, 5, 3, 40, 10_000, 0, 0)); // the adoption week: part before, part after
      for (int i = 6; i < 10; i++) {
        // after adoption, whatever the week's AI use (here 0 h, and one week without telemetry)
        weeks.add(i == 9 ? DeveloperWeek.gitOnly(d, week(i), 6, 130) : tel(d, i, 0, 6, 130, 0, 0));
      }
    }
    Impact.Delivery ab = Impact.report(weeks, S).afterVsBeforeAdoption();
    assertThat(ab.linesPerWeek().estimate()).isCloseTo(30, within(1e-9));
    assertThat(ab.commitsPerWeek().estimate()).isCloseTo(50, within(1e-9));
    assertThat(ab.commitsPerWeek().nWeeksA()).isEqualTo(20);
    assertThat(ab.commitsPerWeek().nWeeksB()).isEqualTo(20);
    assertThat(ab.commitsPerWeek().nCommitsA()).isEqualTo(5 * 4 * 6);
    // no lines reworked on either side: a difference of 0, defined
    assertThat(ab.reworkPercent().estimate()).isZero();
    // nobody used AI before the first AI week they were seen in, so there is no before for high-vs-low either
    assertThat(Impact.report(weeks, S).highVsLowAi().linesPerWeek().notEnoughData()).contains("0 of the 5");
  }

  static DeveloperWeek split(long dev, int i, long aiCommits, long aiLines, long aiRework, long aiDefects,
      long commits, long lines, long rework, long defects) {
    return new DeveloperWeek(dev, week(i), false, 0, commits, lines, rework, defects, aiCommits, aiLines, aiRework,
        aiDefects);
  }

  @Test
  void aiCoAuthoredAgainstOtherCommitsAreRatiosOfSumsPerDeveloper() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 6; d++) {
      // AI: 5 commits, 100 lines, 20 reworked (20%), 1 defect (0.2); other: 10 commits, 400 lines, 20 (5%), 1 (0.1)
      weeks.add(split(d, 0, 3, 60, 20, 1, 9, 260, 30, 1));
      weeks.add(split(d, 1, 2, 40, 0, 0, 6, 240, 10, 1));
    }
    Impact.Split s = Impact.report(weeks, S).aiCoAuthoredVsOther();
    assertThat(s.reworkPercent()).isEqualTo(new Comparison(15.0, 15.0, 15.0, 6, null, null, 30, 60, null));
    assertThat(s.defectRate().estimate()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void aDeveloperWithFewerCommitsThanTheMinimumOnASideIsNotCounted() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 5; d++) {
      weeks.add(split(d, 0, d == 5 ? 4 : 5, 100, 20, 1, 15, 500, 40, 2));
    }
    Impact.Split s = Impact.report(weeks, S).aiCoAuthoredVsOther();
    assertThat(s.defectRate().estimate()).isNull();
    assertThat(s.defectRate().nDevelopers()).isEqualTo(4);
    assertThat(s.defectRate().notEnoughData())
        .isEqualTo("not enough data: 4 of the 5 developers needed (developers with at least 5 AI co-authored"
            + " and 5 other commits)");
  }

  @Test
  void emptyInputIsNotEnoughDataEverywhere() {
    Impact.Report r = Impact.report(List.of(), S);
    for (Comparison c : List.of(r.highVsLowAi().commitsPerWeek(), r.highVsLowAi().linesPerWeek(),
        r.highVsLowAi().reworkPercent(), r.highVsLowAi().defectRate(), r.afterVsBeforeAdoption().linesPerWeek(),
        r.aiCoAuthoredVsOther().reworkPercent(), r.aiCoAuthoredVsOther().defectRate())) {
      assertThat(c.estimate()).isNull();
      assertThat(c.low()).isNull();
      assertThat(c.high()).isNull();
      assertThat(c.nDevelopers()).isZero();
      assertThat(c.notEnoughData()).startsWith("not enough data: 0 of the 5");
    }
  }

  @Test
  void oneDeveloperIsNotEnoughDataWhateverTheirWeeks() {
    Impact.Report r = Impact.report(liftDeveloper(1, 1.2), S);
    assertThat(r.highVsLowAi().linesPerWeek().estimate()).isNull();
    assertThat(r.highVsLowAi().linesPerWeek().nDevelopers()).isEqualTo(1);
    assertThat(r.highVsLowAi().linesPerWeek().nWeeksA()).isEqualTo(4);
    // and with a minimum of two, one is still not an interval
    assertThat(Impact.report(liftDeveloper(1, 1.2), S.withMinDevelopers(2)).highVsLowAi().linesPerWeek()
        .notEnoughData()).startsWith("not enough data: 1 of the 2");
  }

  @Test
  void developersWithOnlyHighWeeksOrWithoutTelemetryAreNotCountedInTheLift() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 5; d++) {
      weeks.addAll(liftDeveloper(d, 1.2));
    }
    for (int i = 0; i < 10; i++) {
      weeks.add(tel(6, i, 5, 9, 900, 0, 0)); // only high weeks
      weeks.add(DeveloperWeek.gitOnly(7, week(i), 1, 1)); // never any telemetry
    }
    Impact.Report r = Impact.report(weeks, S);
    assertThat(r.highVsLowAi().linesPerWeek().nDevelopers()).isEqualTo(5);
    assertThat(r.highVsLowAi().linesPerWeek().estimate()).isCloseTo(20, within(1e-9));
    // developer 6 adopted in their first week (nothing before), 7 never: neither has a before and an after
    assertThat(r.afterVsBeforeAdoption().linesPerWeek().nDevelopers()).isZero();
  }

  @Test
  void zeroCommittedLinesLeaveADeveloperOutOfTheLineMeasuresOnly() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 6; d++) {
      for (int i = 0; i < 4; i++) {
        long lines = d == 6 ? 0 : 100; // developer 6 commits only excluded files (lock files, generated code)
        weeks.add(tel(d, i, 0, 2, lines, 0, 0));
        weeks.add(tel(d, 4 + i, 3, 3, d == 6 ? 0 : 150, 0, 0));
      }
    }
    Impact.Delivery lift = Impact.report(weeks, S).highVsLowAi();
    assertThat(lift.commitsPerWeek().nDevelopers()).isEqualTo(6);
    assertThat(lift.commitsPerWeek().estimate()).isCloseTo(50, within(1e-9));
    assertThat(lift.linesPerWeek().nDevelopers()).isEqualTo(5);
    assertThat(lift.reworkPercent().nDevelopers()).isEqualTo(5);
    assertThat(lift.defectRate().nDevelopers()).isEqualTo(6);
  }

  @Test
  void theIntervalDependsOnlyOnTheDataAndTheSeed() {
    Random r = new Random(7);
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 12; d++) {
      for (int i = 0; i < 10; i++) {
        weeks.add(tel(d, i, i % 2 == 0 ? 0 : 4, 1 + r.nextInt(9), 50 + r.nextInt(400), 0, 0));
      }
    }
    Comparison a = Impact.report(weeks, S).highVsLowAi().linesPerWeek();
    List<DeveloperWeek> shuffled = new ArrayList<>(weeks);
    Collections.shuffle(shuffled, new Random(1));
    assertThat(Impact.report(shuffled, S).highVsLowAi().linesPerWeek()).isEqualTo(a);
    Comparison other = Impact.report(weeks, S.withSeed(19)).highVsLowAi().linesPerWeek();
    assertThat(other.estimate()).isEqualTo(a.estimate());
    assertThat(other.low()).isNotEqualTo(a.low());
  }

  @Test
  void activeTimeInAWeekWithoutTelemetryIsNeitherAdoptionNorAHighWeek() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 5; d++) {
      for (int i = 0; i < 4; i++) {
        weeks.add(tel(d, i, 0, 2, 100, 0, 0));
        // hours without the telemetry flag: the caller could not vouch for the week, so AI is unknown
        weeks.add(new DeveloperWeek(d, week(4 + i), false, 9, 3, 300, 0, 0, 0, 0, 0, 0));
      }
      weeks.add(tel(d, 8, 4, 4, 200, 0, 0)); // the real adoption week
      for (int i = 9; i < 13; i++) {
        weeks.add(tel(d, i, 4, 4, 200, 0, 0));
      }
    }
    Impact.Report r = Impact.report(weeks, S);
    assertThat(r.highVsLowAi().linesPerWeek().estimate()).isCloseTo(100, within(1e-9)); // 200 against 100
    assertThat(r.highVsLowAi().linesPerWeek().nWeeksB()).isEqualTo(20);
    // before: 4 weeks of 100 and 4 of 300 (200 a week), after: 200 a week
    assertThat(r.afterVsBeforeAdoption().linesPerWeek().estimate()).isCloseTo(0, within(1e-9));
    assertThat(r.afterVsBeforeAdoption().linesPerWeek().nWeeksB()).isEqualTo(40);
  }

  @Test
  void anAdoptionWeekFromTheWholeHistoryIsNotMistakenForTheFirstAiWeekInTheRange() {
    List<DeveloperWeek> weeks = new ArrayList<>();
    for (long d = 1; d <= 5; d++) {
      for (int i = 0; i < 9; i++) {
        // the range starts long after adoption; a quiet month, then a busy one
        weeks.add(tel(d, i, i < 4 ? 0 : 3, 2, i < 4 ? 100 : 150, 0, 0));
      }
    }
    // from the range alone, week 4 looks like the adoption week
    assertThat(Impact.report(weeks, S).afterVsBeforeAdoption().linesPerWeek().estimate()).isCloseTo(50,
        within(1e-9));
    java.util.Map<Long, LocalDate> adopted = new java.util.HashMap<>();
    for (long d = 1; d <= 5; d++) {
      adopted.put(d, week(-30));
    }
    Comparison known = Impact.report(weeks, adopted, S).afterVsBeforeAdoption().linesPerWeek();
    assertThat(known.estimate()).isNull();
    assertThat(known.nDevelopers()).isZero();
  }

  @Test
  void inputThatCannotBeIsRefused() {
    assertThatThrownBy(() -> DeveloperWeek.gitOnly(1, LocalDate.parse("2026-06-02"), 1, 1))
        .hasMessageContaining("Monday");
    assertThatThrownBy(() -> new DeveloperWeek(1, W0, true, 0, 1, 10, 11, 0, 0, 0, 0, 0))
        .hasMessageContaining("exceeds");
    assertThatThrownBy(() -> Impact.report(List.of(DeveloperWeek.gitOnly(1, W0, 1, 1),
        DeveloperWeek.gitOnly(1, W0, 2, 2)), S)).hasMessageContaining("twice");
  }
}
