package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** AI usage %: accepted lines capped by committed lines per developer and week, the rest reported beside it. */
class AiUsageTest {
  static final LocalDate W1 = LocalDate.parse("2026-11-02"); // a Monday
  static final LocalDate W2 = W1.plusWeeks(1);
  static final LocalDate W3 = W1.plusWeeks(2);

  static SortedMap<LocalDate, double[]> weeks(Object... mondayAcceptedCommitted) {
    SortedMap<LocalDate, double[]> out = new TreeMap<>();
    for (int i = 0; i < mondayAcceptedCommitted.length; i += 3) {
      out.put((LocalDate) mondayAcceptedCommitted[i], new double[] {(int) mondayAcceptedCommitted[i + 1], (int) mondayAcceptedCommitted[i + 2]});
    }
    return out;
  }

  @Test
  void cap_theIssuesDeveloper_200AcceptedAgainst3Committed_counts3_andReports197Beyond() {
    assertThat(AiUsage.cap(weeks(W1, 200, 3))).containsExactly(3, 197, 3);
    assertThat(AiUsage.flagged(3, 197)).isTrue();
  }

  @Test
  void cap_aWeeksExcess_meetsTheNextWeeksCommits_butNoLater() {
    assertThat(AiUsage.cap(weeks(W1, 60, 0, W2, 0, 80))).containsExactly(60, 0, 80); // Friday's lines committed on Monday
    assertThat(AiUsage.cap(weeks(W1, 60, 0, W3, 0, 80))).containsExactly(0, 60, 80); // two weeks later: beyond
    assertThat(AiUsage.cap(weeks(W1, 60, 0, W2, 0, 10, W3, 0, 80))).containsExactly(10, 50, 90);
  }

  @Test
  void cap_olderOpenLinesAreTakenFirst_soThisWeeksExcessStillMeetsTheNextWeek() {
    assertThat(AiUsage.cap(weeks(W1, 50, 0, W2, 50, 60))).containsExactly(60, 40, 60);
    assertThat(AiUsage.cap(weeks(W1, 50, 0, W2, 50, 60, W3, 0, 40))).containsExactly(100, 0, 100);
  }

  @Test
  void flagged_onlyWhenMostAcceptedLinesAreBeyond_andAtLeast100() {
    assertThat(AiUsage.flagged(0, 99)).isFalse();
    assertThat(AiUsage.flagged(99, 100)).isTrue();
    assertThat(AiUsage.flagged(150, 150)).isFalse();
    assertThat(AiUsage.flagged(1000, 400)).isFalse();
  }

  @Test
  void figures_groupIsCappedNumeratorsOverDenominators_ofDevelopersWithBoth() {
    AiUsage ai = new AiUsage();
    ai.usage(1, W1.plusDays(1), 40, false);
    ai.commits(1, W1.plusDays(2), 100, false);
    ai.usage(2, W1.plusDays(1), 200, false);
    ai.commits(2, W1.plusDays(2), 3, false);
    ai.usage(3, W1, 500, false); // usage without commits: not in the figure
    ai.commits(4, W1, 1000, false); // commits without usage: not "no AI", left out too

    AiUsage.Figures f = ai.figures(3);

    assertThat(f.percent()).isEqualTo(Math.round(10000.0 * (40 + 3) / (100 + 3)) / 100.0);
    assertThat(f.beyondCommitted()).isEqualTo(197);
    assertThat(f.flagged()).isEqualTo(1);
    assertThat(f.coverage()).isEqualTo(new ReportRow.Coverage(3, 3, 2));
  }

  @Test
  void figures_withoutADeveloperWithBoth_areUnknown() {
    AiUsage ai = new AiUsage();
    assertThat(ai.figures(3)).isEqualTo(new AiUsage.Figures(null, null, null, null));
    ai.usage(3, W1, 500, false);
    assertThat(ai.figures(3)).isEqualTo(new AiUsage.Figures(null, null, null, new ReportRow.Coverage(1, 0, 0)));
  }

  @Test
  void figures_ofFewerRestrictedDevelopersWithBothThanTheMinimum_areWithheld_whatTheViewerSeesDoesNotCount() {
    AiUsage ai = new AiUsage();
    for (long dev = 1; dev <= 3; dev++) { // three users, three committers, one of them both: the figure is dev 1's ratio
      ai.usage(dev, W1, 10, true);
      ai.commits(dev == 1 ? 1 : dev + 10, W1, 100, true);
    }
    assertThat(ai.figures(3)).isEqualTo(new AiUsage.Figures(null, null, null, new ReportRow.Coverage(3, 3, 1)));
    assertThat(ai.figures(1).percent()).isEqualTo(10.0);

    AiUsage own = new AiUsage(); // a developer's own numbers inside the company totals
    own.usage(7, W1, 10, false);
    own.commits(7, W1, 100, false);
    assertThat(own.figures(3).percent()).isEqualTo(10.0);
  }

  @Test
  void cap_countsEveryAcceptedLineOnce_neverMoreThanCommitted_andNoLessThanWeekByWeek_overRandomWeeks() {
    Random random = new Random(16);
    for (int trial = 0; trial < 5_000; trial++) {
      SortedMap<LocalDate, double[]> weeks = new TreeMap<>();
      double accepted = 0;
      double committed = 0;
      double sameWeek = 0;
      for (int w = 0; w < 8; w++) {
        if (random.nextInt(3) > 0) {
          double a = random.nextInt(4) == 0 ? random.nextInt(5_000) : random.nextInt(60);
          double c = random.nextInt(80);
          weeks.put(W1.plusWeeks(w), new double[] {a, c});
          accepted += a;
          committed += c;
          sameWeek += Math.min(a, c);
        }
      }
      double[] r = AiUsage.cap(weeks);
      assertThat(r[0] + r[1]).as(trial + " counted and beyond").isEqualTo(accepted);
      assertThat(r[0]).isBetween(sameWeek, committed);
      assertThat(r[1]).isGreaterThanOrEqualTo(0);
      assertThat(r[2]).isEqualTo(committed);
    }
  }

  @Test
  void figures_stayBetween0And100_overRandomDevelopers() {
    Random random = new Random(3);
    for (int trial = 0; trial < 2_000; trial++) {
      AiUsage ai = new AiUsage();
      for (int dev = 0; dev < 1 + random.nextInt(5); dev++) {
        ai.commits(dev, W1.plusDays(random.nextInt(40)), random.nextInt(50), false);
        for (int k = 0; k < random.nextInt(6); k++) {
          ai.usage(dev, W1.plusDays(random.nextInt(40)), random.nextInt(3) == 0 ? random.nextInt(5_000) : random.nextInt(60), false);
        }
      }
      Double percent = ai.figures(3).percent();
      assertThat(percent == null || (percent >= 0 && percent <= 100)).as(String.valueOf(percent)).isTrue();
    }
  }
}
