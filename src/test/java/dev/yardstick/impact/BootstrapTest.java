package dev.yardstick.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void twoValuesGiveTheirKnownResamplingDistributionWidened() {
    // means of two draws from {0, 10}: 0 (1/4), 5 (1/2), 10 (1/4); the 2.5% and 97.5% points are 0 and 10,
    // spread around 5 by sqrt(2 / 1) * t(1) / z = sqrt(2) * 12.706205 / 1.959964
    Bootstrap.Interval i = Bootstrap.mean(new double[] {0, 10}, 2_000, 3);
    double widen = Math.sqrt(2) * 12.706205 / 1.959964;
    assertThat(i.estimate()).isEqualTo(5);
    assertThat(i.low()).isCloseTo(5 - 5 * widen, within(1e-4));
    assertThat(i.high()).isCloseTo(5 + 5 * widen, within(1e-4));
  }

  @Test
  void studentQuantilesMatchTheTablesBeyondTheBuiltInOnes() {
    // R: qt(0.975, c(4, 30, 31, 60, 120, 1000))
    assertThat(Bootstrap.t975(4)).isCloseTo(2.776445, within(1e-6));
    assertThat(Bootstrap.t975(30)).isCloseTo(2.042272, within(1e-6));
    assertThat(Bootstrap.t975(31)).isCloseTo(2.039513, within(1e-5));
    assertThat(Bootstrap.t975(60)).isCloseTo(2.000298, within(1e-6));
    assertThat(Bootstrap.t975(120)).isCloseTo(1.979930, within(1e-6));
    assertThat(Bootstrap.t975(1000)).isCloseTo(1.962339, within(1e-6));
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndTheGeneratorIsUniform() {
    double[] v = {1.31, 4.07, 2.72, 8.19, 5.53, 7.94, 3.14, 3.33, 9.61, 0.21}; // integers would tie the endpoints
    assertThat(Bootstrap.mean(v, 2_000, 42)).isEqualTo(Bootstrap.mean(v, 2_000, 42));
    assertThat(Bootstrap.mean(v, 2_000, 42)).isNotEqualTo(Bootstrap.mean(v, 2_000, 43));
    // SplitMix64's published first output for seed 0 (Steele, Lea and Flood's reference code)
    assertThat(new Bootstrap.SplitMix(0).nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    int[] counts = new int[7];
    Bootstrap.SplitMix rng = new Bootstrap.SplitMix(5);
    for (int k = 0; k < 70_000; k++) {
      counts[rng.nextInt(7)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(9_500, 10_500);
    }
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] sorted = {0, 10, 20, 30, 40};
    assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(0);
    assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(20);
    assertThat(Bootstrap.quantile(sorted, 0.1)).isCloseTo(4, within(1e-12));
    assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(40);
  }
}
