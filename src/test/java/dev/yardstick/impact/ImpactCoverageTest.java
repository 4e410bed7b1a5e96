package dev.yardstick.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The 95% intervals cover the planted effect, and 0 when none is planted, at close to their stated rate over 200
 * generated teams (binomial standard error of a 95% rate over 200 runs: 1.5 points, so 90 to 99% is about 3 of them).
 */
class ImpactCoverageTest {
  static final int SEEDS = 200;

  record Coverage(double lines, double rework) {}

  static Coverage coverage(int developers, double lift, double points, PlantedTeam.Mode mode) {
    int lines = 0;
    int rework = 0;
    // other teams for "no effect": with the same noise a multiplicative effect only shifts every estimate
    long first = lift == 0 ? 10_001 : 1;
    for (long seed = first; seed < first + SEEDS; seed++) {
      PlantedTeam t = PlantedTeam.generate(seed, developers, 26, lift, points, mode);
      // each team gets its own bootstrap seed, as different requests would
      Impact.Report r = Impact.report(t.weeks(), Settings.DEFAULT.withSeed(seed * 31));
      Function<Impact.Report, Impact.Delivery> pick =
          mode == PlantedTeam.Mode.ADOPTION ? Impact.Report::afterVsBeforeAdoption : Impact.Report::highVsLowAi;
      Comparison l = pick.apply(r).linesPerWeek();
      Comparison w = pick.apply(r).reworkPercent();
      assertThat(l.nDevelopers()).as("developers counted, seed %d", seed).isEqualTo(developers);
      lines += l.low() <= t.liftPercent() && t.liftPercent() <= l.high() ? 1 : 0;
      rework += w.low() <= t.reworkPoints() && t.reworkPoints() <= w.high() ? 1 : 0;
    }
    Coverage c = new Coverage(100.0 * lines / SEEDS, 100.0 * rework / SEEDS);
    System.out.printf("coverage %s, %d developers, lift %.0f%%, %.0f points: %s%n", mode, developers, lift, points, c);
    return c;
  }

  @Test
  void highVsLowCoversAPlantedLiftAndNoEffect() {
    assertCovers(coverage(30, 20, 3, PlantedTeam.Mode.HIGH_VS_LOW));
    assertCovers(coverage(30, 0, 0, PlantedTeam.Mode.HIGH_VS_LOW));
  }

  @Test
  void beforeAfterCoversAPlantedLiftAndNoEffect() {
    assertCovers(coverage(30, 20, 3, PlantedTeam.Mode.ADOPTION));
    assertCovers(coverage(30, 0, 0, PlantedTeam.Mode.ADOPTION));
  }

  @Test
  void atTheMinimumGroupSizeTheIntervalStillCoversAtCloseToItsRate() {
    assertCovers(coverage(Settings.DEFAULT.minDevelopers(), 20, 3, PlantedTeam.Mode.HIGH_VS_LOW));
  }

  @Test
  void aiCoAuthoredAgainstOtherCommitsCoversAPlantedReworkDifferenceAndNone() {
    for (double points : new double[] {4, 0}) {
      int covered = 0;
      long first = points == 0 ? 10_001 : 1;
      for (long seed = first; seed < first + SEEDS; seed++) {
        PlantedTeam t = PlantedTeam.coAuthored(seed, 20, 13, points);
        Comparison c = Impact.report(t.weeks(), Settings.DEFAULT.withSeed(seed * 31)).aiCoAuthoredVsOther()
            .reworkPercent();
        covered += c.low() <= points && points <= c.high() ? 1 : 0;
      }
      System.out.printf("coverage co-authored split, 20 developers, %.0f points: %.1f%%%n", points,
          100.0 * covered / SEEDS);
      assertThat(100.0 * covered / SEEDS).isBetween(90.0, 99.0);
    }
  }

  static void assertCovers(Coverage c) {
    assertThat(c.lines()).isBetween(90.0, 99.0);
    assertThat(c.rework()).isBetween(90.0, 99.0);
  }
}
