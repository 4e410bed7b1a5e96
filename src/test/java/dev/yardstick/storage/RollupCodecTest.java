package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupCodecTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-02");

  @Test
  void encodeThenDecode_keepsEveryRowAndValue() {
    Rollups r = new Rollups();
    r.addUsage(1, DAY, 7, "claude-sonnet-5", UsageField.COST_USD, 0.125);
    r.addUsage(1, DAY, 7, "claude-sonnet-5", UsageField.TOKENS_INPUT, 1234);
    r.addDecision(1, DAY, 7, "Edit", "accept", "Type\tScript\\n", "config", 3);
    r.addEvent(2, DAY.plusDays(1), 9, "api_request");
    r.addEvent(2, DAY.plusDays(1), 9, "api_request");

    Rollups back = new Rollups();
    RollupCodec.decodeInto(RollupCodec.encode(rowsOf(r)), back);
    RollupCodec.decodeInto(RollupCodec.encode(rowsOf(r)), back); // decoding adds up

    double[] usage = back.rows(RollupTable.USAGE).get(List.of(1L, DAY, 7L, "claude-sonnet-5"));
    assertThat(usage[UsageField.COST_USD.ordinal()]).isEqualTo(0.25);
    assertThat(usage[UsageField.TOKENS_INPUT.ordinal()]).isEqualTo(2468);
    assertThat(back.rows(RollupTable.DECISIONS).get(List.of(1L, DAY, 7L, "Edit", "accept", "Type\tScript\\n", "config")))
        .containsExactly(6);
    assertThat(back.rows(RollupTable.EVENTS).get(List.of(2L, DAY.plusDays(1), 9L, "api_request"))).containsExactly(4);
  }

  private static java.util.Map<RollupTable, java.util.Map<List<Object>, double[]>> rowsOf(Rollups r) {
    java.util.Map<RollupTable, java.util.Map<List<Object>, double[]>> m = new java.util.HashMap<>();
    for (RollupTable t : RollupTable.ALL) {
      if (!r.rows(t).isEmpty()) {
        m.put(t, r.rows(t));
      }
    }
    return m;
  }
}
