package dev.yardstick.metrics.adoption;

import static dev.yardstick.metrics.adoption.AdoptionTest.admin;
import static dev.yardstick.metrics.adoption.AdoptionTest.tel;
import static dev.yardstick.metrics.adoption.IntervalTest.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.adoption.Cohorts.Cohort;
import dev.yardstick.metrics.adoption.Cohorts.Movement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intensity cohorts by active days per week, and the movement between two windows. */
class CohortsTest {
  @Test
  void thresholds_byActiveDaysPerWeek() {
    assertThat(Cohorts.of(0, 7)).isEqualTo(Cohort.NONE);
    assertThat(Cohorts.of(1, 7)).isEqualTo(Cohort.LIGHT);
    assertThat(Cohorts.of(2, 7)).isEqualTo(Cohort.MODERATE);
    assertThat(Cohorts.of(3, 7)).isEqualTo(Cohort.MODERATE);
    assertThat(Cohorts.of(4, 7)).isEqualTo(Cohort.HEAVY);
    assertThat(Cohorts.of(8, 30)).isEqualTo(Cohort.LIGHT); // 1.87 a week
    assertThat(Cohorts.of(9, 30)).isEqualTo(Cohort.MODERATE); // 2.1 a week
    assertThat(Cohorts.of(3, 0)).isEqualTo(Cohort.NONE);
  }

  static List<ActivityDay> days(long dev, String first, int n) {
    List<ActivityDay> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(tel(LocalDate.parse(first).plusDays(i).toString(), dev, 1, 0, 0, 0));
    }
    return out;
  }

  @Test
  void twoWeeks_rateIsOverTheDaysADeveloperWasKnown() {
    List<ActivityDay> a = new ArrayList<>();
    a.addAll(days(1, "2026-02-02", 8)); // 4 a week: heavy
    a.addAll(days(2, "2026-02-02", 4)); // 2 a week: moderate
    a.addAll(days(2, "2026-02-02", 4)); // the same days again: still 4 active days
    a.addAll(days(3, "2026-02-10", 3)); // 1.5 a week: light
    a.add(admin("2026-02-11", 5L, 0, 2, 0)); // 5 is known 7 days, active on 2 of them: moderate
    a.add(admin("2026-02-13", 5L, 1, 0, 0));
    a.add(tel("2026-02-03", 4L, 0, 0, 0, 0)); // telemetry without activity: none
    a.add(tel("2026-02-03", 7L, 1, 0, 0, 0)); // not on the list: known the whole window, 0.5 a week
    a.add(tel("2026-02-20", 1L, 1, 0, 0, 0)); // outside the window
    List<KnownDeveloper> roster = List.of(new KnownDeveloper(1), new KnownDeveloper(2), new KnownDeveloper(3),
        new KnownDeveloper(4), new KnownDeveloper(5, d("2026-02-09"), null), new KnownDeveloper(6, null, d("2026-02-01")));

    Map<Long, Cohort> c = Cohorts.of(a, roster, d("2026-02-02"), d("2026-02-15"));

    assertThat(c).isEqualTo(Map.of(1L, Cohort.HEAVY, 2L, Cohort.MODERATE, 3L, Cohort.LIGHT, 4L, Cohort.NONE,
        5L, Cohort.MODERATE, 7L, Cohort.LIGHT));
    assertThat(Cohorts.counts(c)).containsExactly(Map.entry(Cohort.NONE, 1), Map.entry(Cohort.LIGHT, 2),
        Map.entry(Cohort.MODERATE, 2), Map.entry(Cohort.HEAVY, 1));
  }

  @Test
  void movement_isATransitionMatrixOverDevelopersKnownInBoth() {
    Movement m = Cohorts.movement(Map.of(1L, Cohort.LIGHT, 2L, Cohort.NONE, 3L, Cohort.HEAVY, 8L, Cohort.LIGHT),
        Map.of(1L, Cohort.HEAVY, 2L, Cohort.NONE, 4L, Cohort.LIGHT, 8L, Cohort.LIGHT));
    assertThat(m.moved().get(Cohort.LIGHT)).containsExactly(Map.entry(Cohort.NONE, 0), Map.entry(Cohort.LIGHT, 1),
        Map.entry(Cohort.MODERATE, 0), Map.entry(Cohort.HEAVY, 1));
    assertThat(m.moved().get(Cohort.NONE).get(Cohort.NONE)).isEqualTo(1);
    assertThat(m.moved().get(Cohort.HEAVY).values()).containsOnly(0);
    assertThat(m.joined()).isEqualTo(1);
    assertThat(m.left()).isEqualTo(1);
  }

  @Test
  void noDevelopers_noCohorts() {
    assertThat(Cohorts.of(List.of(), List.of(), d("2026-02-02"), d("2026-02-08"))).isEmpty();
    assertThat(Cohorts.counts(Map.of()).values()).containsOnly(0);
    Movement m = Cohorts.movement(Map.of(), Map.of());
    assertThat(m.joined() + m.left()).isZero();
  }
}
