package dev.yardstick.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlausibilityTest {
  private static final long HOUR = Duration.ofHours(1).toNanos();
  private static final String LINES = "claude_code.lines_of_code.count";

  @Test
  void pointValue_atTheLimitPasses_aboveIsRefusedWithItsReason() {
    assertThat(Plausibility.pointValue(LINES, 1_000_000, false, 0)).isNull();
    assertThat(Plausibility.pointValue(LINES, 1_000_000.5, false, 0)).isEqualTo(new Plausibility.Problem("lines",
        "value 1000000.5 is above the plausibility limit of 1,000,000 lines per point"));
    assertThat(Plausibility.pointValue("claude_code.some_future.count", 1e300, false, 0)).isNull(); // kept, never summed
    assertThat(Plausibility.pointValue("claude_code.some_future.count", -1, false, 0).reason()).isEqualTo("negative");
  }

  @Test
  void cumulative_scalesWithTheHoursItCovers_atMostThirtyDays_andAnUnknownStartCountsAsThirtyDays() {
    assertThat(Plausibility.pointValue(LINES, 3_000_000, true, 2 * HOUR + 1)).isNull(); // three hours begun
    assertThat(Plausibility.pointValue(LINES, 3_000_001, true, 2 * HOUR + 1).message())
        .isEqualTo("value 3,000,001 is above the plausibility limit of 3,000,000 lines for the 3 hours this running total covers");
    assertThat(Plausibility.pointValue(LINES, 720_000_000, true, 0)).isNull();
    assertThat(Plausibility.pointValue(LINES, 720_000_001, true, 400 * 24 * HOUR)).isNotNull();
    assertThat(Plausibility.rise(LINES, 1_000_001, 60_000_000_000L).message())
        .isEqualTo("the running total rose by 1,000,001, above the plausibility limit of 1,000,000 lines for the 1 hour since its previous point");
    assertThat(Plausibility.rise(LINES, 0, 0)).isNull();
  }

  @Test
  void time_windowIsThirtyDaysBackToOneDayAhead_ofNow() {
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    long n = now.getEpochSecond() * 1_000_000_000L;
    assertThat(Plausibility.time("t", n - Duration.ofDays(30).toNanos(), now)).isNull();
    assertThat(Plausibility.time("t", n - Duration.ofDays(30).toNanos() - 1, now).message())
        .isEqualTo("t 2026-10-25T23:59:59.999999999Z is more than 30 days in the past");
    assertThat(Plausibility.time("t", n + Duration.ofDays(1).toNanos(), now)).isNull();
    assertThat(Plausibility.time("t", Long.MAX_VALUE, now).reason()).isEqualTo("time");
    assertThat(Plausibility.time("t", Long.MIN_VALUE, now).reason()).isEqualTo("time");
  }

  @Test
  void eventValue_readsNumbersAndNumericText_refusesTheRest() {
    assertThat(Plausibility.eventValue("cost_usd", 1000.0)).isNull();
    assertThat(Plausibility.eventValue("duration_ms", "5230")).isNull();
    assertThat(Plausibility.eventValue("duration_ms", "")).isNull(); // nothing said
    assertThat(Plausibility.eventValue("model", "claude-sonnet-5")).isNull(); // not an amount
    assertThat(Plausibility.eventValue("input_tokens", 10_000_001L).message())
        .isEqualTo("input_tokens 10,000,001 is above the plausibility limit of 10,000,000 tokens per event");
    assertThat(Plausibility.eventValue("cost_usd", "NaN").message()).isEqualTo("cost_usd NaN is not a finite number");
    assertThat(Plausibility.eventValue("cost_usd", true).message()).isEqualTo("cost_usd true is not a number");
  }

  @Test
  void sums_saturateAtTwoToTheFiftyThreeMinusOne_andNeverWrap() {
    assertThat(Plausibility.sum(Plausibility.MAX_SUM, 1e300)).isEqualTo(Plausibility.MAX_SUM);
    assertThat(Plausibility.sum(1.7e308, 1.7e308)).isEqualTo(Plausibility.MAX_SUM);
    assertThat(Plausibility.sum(2.5, 0.25)).isEqualTo(2.75);
    assertThat(Plausibility.sum(Long.MAX_VALUE, 1L)).isEqualTo(9_007_199_254_740_991L);
    assertThat(Plausibility.sum(9_007_199_254_740_990L, 5L)).isEqualTo(9_007_199_254_740_991L);
    assertThat(Plausibility.sum(40L, 2L)).isEqualTo(42L);
  }
}
