package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows compared by value whatever types hold them, in any order. */
class DayRowsTextTest {
  @Test
  void sameValuesInOtherTypesAndOrder_areTheSame_andAnyDifferenceIsNot() {
    List<Object[]> stored = List.of(new Object[] {1L, java.sql.Date.valueOf("2026-10-01"), "a", true, 3, 1.5, null},
        new Object[] {1L, java.sql.Date.valueOf("2026-10-01"), "b", false, 2, 0.125, "x"});
    List<Object[]> fresh = List.of(new Object[] {1, LocalDate.parse("2026-10-01"), "b", false, 2L, 0.125, "x"},
        new Object[] {1, LocalDate.parse("2026-10-01"), "a", true, 3L, 1.50, null});
    assertThat(DayRowsText.same(stored, fresh)).isTrue();
    assertThat(DayRowsText.same(stored, List.<Object[]>of(fresh.get(0)))).isFalse();
    assertThat(DayRowsText.same(stored, List.<Object[]>of(fresh.get(0), new Object[] {1, LocalDate.parse("2026-10-01"), "a", true, 3L, 1.5000001, null})))
        .isFalse();
    assertThat(DayRowsText.same(stored, List.<Object[]>of(fresh.get(0), new Object[] {1, LocalDate.parse("2026-10-01"), "a", true, 3L, 1.5, ""})))
        .isFalse();
  }
}
