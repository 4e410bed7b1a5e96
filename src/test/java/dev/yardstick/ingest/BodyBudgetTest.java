package dev.yardstick.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {
  private static final long S = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * S);

  @Test
  void pace_timeoutAndMinimumRateAfterTheGrace() {
    BodyPace pace = new BodyPace(Duration.ofSeconds(30), 16_384);

    assertThat(pace.tooSlow(0, 2 * S)).isNull(); // nothing yet, but within the grace
    assertThat(pace.tooSlow(0, 2 * S + 1_000_000)).isEqualTo("the request body arrived at less than 16384 bytes/s");
    assertThat(pace.tooSlow(16_384, 3 * S)).isNull(); // exactly the minimum over the second after the grace
    assertThat(pace.tooSlow(16_383, 3 * S)).isNotNull();
    assertThat(pace.tooSlow(64L << 20, 30 * S)).isNull();
    assertThat(pace.tooSlow(64L << 20, 30 * S + 1)).isEqualTo("the request body did not arrive within 30000 ms");
    assertThat(new BodyPace(Duration.ofSeconds(30), 0).tooSlow(0, 29 * S)).isNull(); // no minimum
    assertThat(new BodyPace(Duration.ofHours(1), 1L << 30).tooSlow(Long.MAX_VALUE / 2, 3000 * S)).isNull(); // no overflow
  }

  @Test
  void sweep_endsAStalledBody_givesItsBytesBack_andSaysWhyOnce() {
    BodyBudget budget = new BodyBudget(1 << 20, new BodyPace(Duration.ofSeconds(10), 16_384), now::get);
    BodyBudget.Share stalled = budget.share();
    BodyBudget.Share steady = budget.share();
    List<String> told = new ArrayList<>();
    stalled.onTooSlow(told::add);
    steady.onTooSlow(why -> told.add("steady: " + why));
    assertThat(stalled.grow(64 << 10)).isTrue();
    stalled.received(64 << 10);
    assertThat(steady.grow(128 << 10)).isTrue();

    for (int s = 1; s <= 8; s++) {
      now.addAndGet(S);
      steady.received(32 << 10); // twice the minimum
      budget.sweep();
    }

    // 64 KiB counts for 4 s at 16 KiB/s after the 2 s grace: ended at 7 s
    assertThat(told).containsExactly("the request body arrived at less than 16384 bytes/s");
    assertThat(budget.used()).isEqualTo(128 << 10);
    assertThat(budget.arriving()).isEqualTo(1);
    assertThat(stalled.grow(1)).isFalse(); // ended: takes nothing more
    assertThat(stalled.arrived()).isFalse(); // its last bytes came too late: it was answered already
    budget.sweep();
    assertThat(told).hasSize(1);
  }

  @Test
  void aBodyThatArrived_isNoLongerPaced_butHoldsItsBytesUntilReleased() {
    BodyBudget budget = new BodyBudget(1 << 20, new BodyPace(Duration.ofSeconds(1), 0), now::get);
    BodyBudget.Share s = budget.share();
    List<String> told = new ArrayList<>();
    s.onTooSlow(told::add);
    assertThat(s.grow(1000)).isTrue();

    assertThat(s.arrived()).isTrue();
    now.addAndGet(5 * S); // decoding a large body may take a while
    budget.sweep();

    assertThat(told).isEmpty();
    assertThat(budget.used()).isEqualTo(1000);
    s.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void endedBeforeItsTransportListened_isToldWhenItDoes() {
    BodyBudget budget = new BodyBudget(1 << 20, new BodyPace(Duration.ofSeconds(1), 0), now::get);
    BodyBudget.Share s = budget.share();
    now.addAndGet(2 * S);
    budget.sweep();
    List<String> told = new ArrayList<>();

    s.onTooSlow(told::add);

    assertThat(told).containsExactly("the request body did not arrive within 1000 ms");
  }

  @Test
  void bound_aBodyAloneAlwaysPasses_othersAreRefusedWhileItHoldsBytes() {
    BodyBudget budget = new BodyBudget(100, new BodyPace(Duration.ofSeconds(1), 0), now::get);
    BodyBudget.Share big = budget.share();
    BodyBudget.Share small = budget.share();

    assertThat(big.grow(500)).isTrue();
    assertThat(small.grow(1)).isFalse();
    big.release();
    assertThat(small.grow(100)).isTrue();
    assertThat(budget.used()).isEqualTo(100);
  }
}
