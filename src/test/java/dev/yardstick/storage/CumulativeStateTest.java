package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CumulativeStateTest {
  @Test
  void apply_firstPointWithKnownStart_countsItsTotal() {
    assertThat(CumulativeState.NONE.apply(100, 200, 7).increment()).isEqualTo(7);
  }

  @Test
  void apply_firstPointWithStartEqualToTime_isABaseline() {
    assertThat(CumulativeState.NONE.apply(200, 200, 7).increment()).isZero();
    assertThat(CumulativeState.NONE.apply(0, 200, 7).increment()).isZero();
  }

  @Test
  void apply_laterPointOfTheRun_addsTheDifference() {
    CumulativeState s = new CumulativeState(100, 200, 7);
    assertThat(s.apply(100, 300, 10).increment()).isEqualTo(3);
  }

  @Test
  void apply_repeatOrLatePoint_addsNothingAndKeepsState() {
    CumulativeState s = new CumulativeState(100, 300, 10);
    CumulativeState.Step repeat = s.apply(100, 300, 10);
    CumulativeState.Step late = s.apply(100, 250, 8);

    assertThat(repeat.increment()).isZero();
    assertThat(late.increment()).isZero();
    assertThat(late.next()).isEqualTo(s);
  }

  @Test
  void apply_dropWithinRun_countsTheNewTotalNeverNegative() {
    assertThat(new CumulativeState(100, 300, 10).apply(100, 400, 4).increment()).isEqualTo(4);
  }

  @Test
  void apply_newStart_isANewRun() {
    CumulativeState s = new CumulativeState(100, 300, 10);
    assertThat(s.apply(350, 400, 2).increment()).isEqualTo(2);
    assertThat(s.apply(400, 400, 2).increment()).isZero(); // restart with unknown start: baseline
  }

  @Test
  void apply_pointOfAnEarlierRun_addsNothing() {
    CumulativeState s = new CumulativeState(350, 400, 2);
    CumulativeState.Step old = s.apply(100, 320, 11);

    assertThat(old.increment()).isZero();
    assertThat(old.next()).isEqualTo(s);
  }
}
