package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-18");

  @Test
  void presets_endToday_andThePreviousPeriodHasTheSameLength() {
    DateRange week = DateRange.parse("7d", null, null, TODAY);
    assertThat(week.from()).isEqualTo("2026-11-12");
    assertThat(week.previous().from()).isEqualTo("2026-11-05");
    assertThat(week.previous().to()).isEqualTo("2026-11-11");
    assertThat(DateRange.parse(null, null, null, TODAY).from()).isEqualTo("2026-10-20"); // 30 days
    assertThat(DateRange.parse("90d", null, null, TODAY).days()).isEqualTo(90);
    DateRange quarter = DateRange.parse("quarter", null, null, TODAY);
    assertThat(quarter.from()).isEqualTo("2026-10-01");
    assertThat(quarter.previous().to()).isEqualTo("2026-09-30");
    assertThat(quarter.previous().days()).isEqualTo(49);
  }

  @Test
  void custom_takesFromAndTo_andRefusesWhatItCannotRead() {
    DateRange r = DateRange.parse("custom", "2026-09-01", "2026-09-10", TODAY);
    assertThat(r.days()).isEqualTo(10);
    assertThat(r.query()).isEqualTo("range=custom&from=2026-09-01&to=2026-09-10");
    assertThat(DateRange.parse(null, "2026-09-01", null, TODAY).to()).isEqualTo(TODAY);
    assertThatThrownBy(() -> DateRange.parse("custom", "yesterday", null, TODAY)).hasMessageContaining("from must be a date");
    assertThatThrownBy(() -> DateRange.parse("custom", "2026-09-10", "2026-09-01", TODAY)).hasMessageContaining("before");
    assertThatThrownBy(() -> DateRange.parse("year", null, null, TODAY)).hasMessageContaining("range must be one of 7d, 30d");
  }
}
