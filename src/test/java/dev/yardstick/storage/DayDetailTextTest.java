package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.model.UsageField;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayDetailTextTest {
  @Test
  void encodeThenDecode_keepsEveryEntry_andOddNames() {
    DayDetail d = new DayDetail();
    d.addModel("claude-sonnet-5", UsageField.COST_USD, 0.125);
    d.addModel("claude-sonnet-5", UsageField.TOKENS_INPUT, 1234);
    d.addModel("weird\tmodel\\n\nname", UsageField.TOKENS_OUTPUT, 7);
    d.addDecision(new DayDetail.Decision("Edit", "accept", "Type\tScript\\n", "config"), 3);
    d.addEvents("api_request", 2);

    DayDetail back = DayDetailText.decode(DayDetailText.encode(d));

    assertThat(back.models.get("claude-sonnet-5")[UsageField.COST_USD.ordinal()]).isEqualTo(0.125);
    assertThat(back.models.get("claude-sonnet-5")[UsageField.TOKENS_INPUT.ordinal()]).isEqualTo(1234);
    assertThat(back.models.get("weird\tmodel\\n\nname")[UsageField.TOKENS_OUTPUT.ordinal()]).isEqualTo(7);
    assertThat(back.decisions).containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "Type\tScript\\n", "config"), 3.0));
    assertThat(back.events).containsOnly(Map.entry("api_request", 2L));
    assertThat(DayDetailText.encode(back)).isEqualTo(DayDetailText.encode(d));
  }

  @Test
  void encode_isCompact_integralValuesWithoutFraction() {
    DayDetail d = new DayDetail();
    d.addModel("m", UsageField.TOKENS_INPUT, 1234);
    d.addModel("m", UsageField.COST_USD, 0.5);
    d.addEvents("user_prompt", 1);

    assertThat(DayDetailText.encode(d)).isEqualTo("m\tm\t,,,,,,,0.5,1234,,,,,\ne\tuser_prompt\t1\n");
  }

  @Test
  void add_sumsEntries_andCopyIsIndependent() {
    DayDetail a = new DayDetail();
    a.addModel("m", UsageField.COST_USD, 1);
    a.addEvents("e", 1);
    DayDetail b = a.copy();
    b.add(a);
    b.addDecision(new DayDetail.Decision("Edit", "reject", "", ""), 1);

    assertThat(b.models.get("m")[UsageField.COST_USD.ordinal()]).isEqualTo(2);
    assertThat(b.events.get("e")).isEqualTo(2);
    assertThat(a.models.get("m")[UsageField.COST_USD.ordinal()]).isEqualTo(1);
    assertThat(a.decisions).isEmpty();
  }

  @Test
  void decode_emptyOrNull_isEmpty_andAnUnknownLineFails() {
    assertThat(DayDetailText.decode("").isEmpty()).isTrue();
    assertThat(DayDetailText.decode(null).isEmpty()).isTrue();
    assertThatThrownBy(() -> DayDetailText.decode("x\ty\n")).isInstanceOf(IllegalArgumentException.class);
  }
}
