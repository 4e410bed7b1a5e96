package dev.yardstick.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void twoValuesGiveTheirKnownResamplingDistributionWidened() {
    // means of two draws from {0, 10}: 0 (1/4), 5 (1/2), 10 (1/4); the 2.5% and 97.5% points are 0 and 10,
    // spread around 5 by sqrt(2 / 1)
    Bootstrap.Interval i = Bootstrap.mean(new double[] {0, 10}, 2_000, 3);
    assertThat(i.estimate()).isEqualTo(5);
    assertThat(i.low()).isCloseTo(5 - 5 * Math.sqrt(2), within(1e-9));
    assertThat(i.high()).isCloseTo(5 + 5 * Math.sqrt(2), within(1e-9));
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndTheGeneratorIsUniform() {
    double[] v = {1, 4, 2, 8, 5, 7, 3, 3, 9, 0};
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
