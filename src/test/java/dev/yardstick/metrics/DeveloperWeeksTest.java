package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.impact.DeveloperWeek;
import dev.yardstick.model.GitField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Days summed into ISO weeks by hand: Monday to Sunday, telemetry presence, active hours and git counters. */
class DeveloperWeeksTest {
  static final LocalDate MONDAY = LocalDate.parse("2026-06-01");

  static double[] git(long commits, long lines, long reworked, long defects, long ai, long aiLines, long aiReworked,
      long aiDefects) {
    double[] g = new double[GitField.count()];
    g[GitField.COMMITS.ordinal()] = commits;
    g[GitField.LINES_ADDED.ordinal()] = lines;
    g[GitField.LINES_REMOVED.ordinal()] = 999; // not a figure of the comparisons
    g[GitField.REWORKED_LINES.ordinal()] = reworked;
    g[GitField.DEFECT_COMMITS.ordinal()] = defects;
    g[GitField.AI_COMMITS.ordinal()] = ai;
    g[GitField.AI_LINES_ADDED.ordinal()] = aiLines;
    g[GitField.AI_REWORKED_LINES.ordinal()] = aiReworked;
    g[GitField.AI_DEFECT_COMMITS.ordinal()] = aiDefects;
    return g;
  }

  @Test
  void mondayToSunday_isOneWeek_andTheNextMondayStartsAnother() {
    DeveloperWeeks w = new DeveloperWeeks();
    w.telemetry(7, MONDAY, 1800);
    w.telemetry(7, MONDAY.plusDays(6), 5400); // Sunday
    w.git(7, MONDAY.plusDays(3), git(3, 30, 6, 1, 2, 20, 4, 1));
    w.git(7, MONDAY.plusDays(6), git(1, 10, 0, 0, 0, 0, 0, 0));
    w.git(7, MONDAY.plusDays(7), git(2, 5, 1, 0, 0, 0, 0, 0)); // next Monday

    assertThat(w.weeks()).containsExactly(
        new DeveloperWeek(7, MONDAY, true, 2.0, 4, 40, 6, 1, 2, 20, 4, 1),
        new DeveloperWeek(7, MONDAY.plusWeeks(1), false, 0, 2, 5, 1, 0, 0, 0, 0, 0));
  }

  @Test
  void aTelemetryRowWithoutActiveTime_isAWeekWithTelemetry_andDevelopersStayApart() {
    DeveloperWeeks w = new DeveloperWeeks();
    w.telemetry(2, MONDAY.plusDays(2), 0);
    w.git(1, MONDAY.plusDays(2), git(1, 4, 0, 0, 0, 0, 0, 0));

    assertThat(w.weeks()).containsExactly(
        new DeveloperWeek(1, MONDAY, false, 0, 1, 4, 0, 0, 0, 0, 0, 0),
        new DeveloperWeek(2, MONDAY, true, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void monday_ofAnyDay() {
    assertThat(DeveloperWeeks.monday(LocalDate.parse("2026-06-07"))).isEqualTo(MONDAY); // Sunday
    assertThat(DeveloperWeeks.monday(MONDAY)).isEqualTo(MONDAY);
    assertThat(DeveloperWeeks.monday(LocalDate.parse("2027-01-01"))).isEqualTo(LocalDate.parse("2026-12-28")); // across a year
  }
}
