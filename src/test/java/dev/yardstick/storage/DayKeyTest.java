package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayKeyTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-02");

  @Test
  void keys_orderByDayThenIdentity_andFallInTheirDaysRange() {
    long a = DayKey.of(DAY, (1L << 40) - 1);
    long b = DayKey.of(DAY.plusDays(1), 0);

    assertThat(a).isLessThan(b);
    assertThat(DayKey.of(DAY, 5)).isLessThan(DayKey.of(DAY, 6));
    assertThat(DayKey.of(DAY, 5)).isBetween(DayKey.first(DAY), DayKey.last(DAY));
    assertThat(b).isGreaterThan(DayKey.last(DAY));
  }

  @Test
  void theDayBeforeTheEpoch_hasKeys_andEarlierDaysStartTheRange() {
    assertThat(DayKey.of(LocalDate.parse("1969-12-31"), 1)).isEqualTo(1);
    assertThat(DayKey.first(LocalDate.of(1, 1, 1))).isZero();
    assertThat(DayKey.last(LocalDate.of(9999, 12, 31))).isPositive();
  }

  @Test
  void identityBeyondItsBits_isRefused() {
    assertThatThrownBy(() -> DayKey.of(DAY, 1L << 40)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DayKey.of(LocalDate.parse("1969-12-30"), 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
