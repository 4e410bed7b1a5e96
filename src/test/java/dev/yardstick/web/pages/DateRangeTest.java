package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

  @Test
  void presets_endToday_andCountTheirDays() {
    assertThat(DateRange.parse("7", null, null, TODAY)).isEqualTo(new DateRange("7", LocalDate.parse("2026-11-14"), TODAY));
    assertThat(DateRange.parse("90", null, null, TODAY).from()).isEqualTo(LocalDate.parse("2026-08-23"));
    assertThat(DateRange.parse(null, null, null, TODAY)).isEqualTo(new DateRange("30", LocalDate.parse("2026-10-22"), TODAY));
    assertThat(DateRange.parse("quarter", null, null, TODAY).from()).isEqualTo(LocalDate.parse("2026-10-01"));
    assertThat(DateRange.parse("quarter", null, null, LocalDate.parse("2026-03-31")).from()).isEqualTo(LocalDate.parse("2026-01-01"));
  }

  @Test
  void custom_takesFromAndTo_andAPresetIgnoresThem() {
    assertThat(DateRange.parse("custom", "2026-01-05", "2026-01-18", TODAY))
        .isEqualTo(new DateRange("custom", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-18")));
    assertThat(DateRange.parse(null, "2026-01-05", "2026-01-18", TODAY).preset()).isEqualTo("custom");
    assertThat(DateRange.parse("7", "2026-01-05", "2026-01-18", TODAY).to()).isEqualTo(TODAY);
  }

  @Test
  void thePreviousPeriod_hasTheSameLength_andEndsTheDayBefore() {
    DateRange r = DateRange.parse("custom", "2026-01-05", "2026-01-18", TODAY);
    assertThat(r.previous()).isEqualTo(new DateRange("custom", LocalDate.parse("2025-12-22"), LocalDate.parse("2026-01-04")));
    assertThat(r.query()).isEqualTo("range=custom&from=2026-01-05&to=2026-01-18");
    assertThat(DateRange.parse("7", null, null, TODAY).query()).isEqualTo("range=7");
  }

  @Test
  void badParameters_areRefused_namingTheParameter() {
    assertThatThrownBy(() -> DateRange.parse("week", null, null, TODAY)).hasMessageStartingWith("range must be one of 7, 30, 90, quarter, custom");
    assertThatThrownBy(() -> DateRange.parse("custom", "5 Jan", null, TODAY)).hasMessageStartingWith("from must be a date");
    assertThatThrownBy(() -> DateRange.parse("custom", "2026-02-01", "2026-01-01", TODAY)).hasMessageContaining("before");
  }
}
