package dev.yardstick.metrics.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.metrics.adoption.Interval.Period;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days, ISO weeks and calendar months, clipped to a window. */
class IntervalTest {
  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void isoWeeks_startOnMonday_andBelongToTheWeekBasedYear() {
    assertThat(Interval.WEEK.start(d("2027-01-01"))).isEqualTo(d("2026-12-28"));
    assertThat(Interval.WEEK.key(d("2026-12-28"))).isEqualTo("2026-W53");
    assertThat(Interval.WEEK.key(Interval.WEEK.start(d("2025-12-31")))).isEqualTo("2026-W01");
    assertThat(Interval.WEEK.start(d("2026-02-01"))).isEqualTo(d("2026-01-26")); // a Sunday
    assertThat(Interval.MONTH.key(d("2026-02-01"))).isEqualTo("2026-02");
  }

  @Test
  void aWeekSpanningTwoMonths_isOneWeek_andTwoMonths() {
    assertThat(Interval.WEEK.periods(d("2026-01-26"), d("2026-02-01")))
        .containsExactly(new Period("2026-W05", d("2026-01-26"), d("2026-02-01"), true));
    assertThat(Interval.MONTH.periods(d("2026-01-26"), d("2026-02-01"))).containsExactly(
        new Period("2026-01", d("2026-01-26"), d("2026-01-31"), false),
        new Period("2026-02", d("2026-02-01"), d("2026-02-01"), false));
  }

  @Test
  void periodsAreClippedToTheWindow_andSayWhetherWhole() {
    List<Period> weeks = Interval.WEEK.periods(d("2026-01-28"), d("2026-02-10"));
    assertThat(weeks).containsExactly(new Period("2026-W05", d("2026-01-28"), d("2026-02-01"), false),
        new Period("2026-W06", d("2026-02-02"), d("2026-02-08"), true),
        new Period("2026-W07", d("2026-02-09"), d("2026-02-10"), false));
    assertThat(weeks.get(0).days()).isEqualTo(5);
  }

  @Test
  void emptyAndThreeYearWindows() {
    assertThat(Interval.DAY.periods(d("2026-02-02"), d("2026-02-01"))).isEmpty();
    // 2024-01-01 is a Monday; 1,096 days (a leap year among them) = 156 weeks and 4 days
    assertThat(Interval.DAY.periods(d("2024-01-01"), d("2026-12-31"))).hasSize(1096);
    List<Period> weeks = Interval.WEEK.periods(d("2024-01-01"), d("2026-12-31"));
    assertThat(weeks).hasSize(157);
    assertThat(weeks.getLast()).isEqualTo(new Period("2026-W53", d("2026-12-28"), d("2026-12-31"), false));
    assertThat(Interval.MONTH.periods(d("2024-01-01"), d("2026-12-31"))).hasSize(36).allMatch(Period::whole);
    assertThat(Interval.MONTH.periods(d("2024-02-01"), d("2024-02-29")).getFirst().days()).isEqualTo(29);
  }

  @Test
  void parse_namesTheAcceptedValues() {
    assertThat(Interval.parse(" Week ")).isEqualTo(Interval.WEEK);
    assertThatThrownBy(() -> Interval.parse("quarter")).hasMessageContaining("day, week, month");
  }
}
