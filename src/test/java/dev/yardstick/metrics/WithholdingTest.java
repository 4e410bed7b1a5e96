package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.impact.Comparison;
import dev.yardstick.impact.Impact;
import org.junit.jupiter.api.Test;

/** The minimum group size on comparisons: figures go below it, sample sizes and earlier reasons stay. */
class WithholdingTest {
  static Comparison over(int developers) {
    return new Comparison(12.5, 3.0, 22.0, developers, 40L, 44L, 100, 90, null);
  }

  @Test
  void belowTheMinimum_theFiguresGo_theSampleSizesStay() {
    Comparison c = Withholding.one(over(5), 6);

    assertThat(c.estimate()).isNull();
    assertThat(c.low()).isNull();
    assertThat(c.high()).isNull();
    assertThat(c).extracting(Comparison::nDevelopers, Comparison::nWeeksA, Comparison::nWeeksB, Comparison::nCommitsA,
        Comparison::nCommitsB).containsExactly(5, 40L, 44L, 100L, 90L);
    assertThat(c.notEnoughData()).isEqualTo("not enough data: 5 developers, fewer than the minimum group size of 6"
        + " for figures of people you may not see individually");
  }

  @Test
  void atTheMinimum_orAlreadyWithoutFigures_nothingChanges() {
    Comparison notEnough = new Comparison(null, null, null, 1, 4L, 4L, 8, 8, "not enough data: 1 of the 5 developers needed");

    assertThat(Withholding.one(over(6), 6)).isEqualTo(over(6));
    assertThat(Withholding.one(notEnough, 6)).isSameAs(notEnough);
  }

  @Test
  void everyComparisonOfAReport_isChecked() {
    Impact.Delivery small = new Impact.Delivery(over(3), over(3), over(3), over(3));
    Impact.Delivery big = new Impact.Delivery(over(9), over(9), over(9), over(9));
    Impact.Report r = Withholding.apply(new Impact.Report(small, big, new Impact.Split(over(3), over(9))), 4);

    assertThat(r.highVsLowAi()).isEqualTo(new Impact.Delivery(Withholding.one(over(3), 4), Withholding.one(over(3), 4),
        Withholding.one(over(3), 4), Withholding.one(over(3), 4)));
    assertThat(r.highVsLowAi().commitsPerWeek().estimate()).isNull();
    assertThat(r.afterVsBeforeAdoption()).isEqualTo(big);
    assertThat(r.aiCoAuthoredVsOther().reworkPercent().estimate()).isNull();
    assertThat(r.aiCoAuthoredVsOther().defectRate()).isEqualTo(over(9));
  }
}
