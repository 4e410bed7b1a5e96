package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.MetricPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void points_areJsonThatGivesBackEveryStringAsSent() throws Exception {
    List<String> awkward = List.of("plain", "say \"hi\"", "C:\\path", "line\nnext\ttab\r", "bell\u0007", "naïve ✓ 日本");
    Map<String, String> dims = new LinkedHashMap<>();
    for (int i = 0; i < awkward.size(); i++) {
      dims.put("k" + i + awkward.get(i), awkward.get(i));
    }
    MetricPoint p = new MetricPoint("claude_code.token.usage", MetricPoint.Temporality.CUMULATIVE, 1, 2, 0.5, dims);

    JsonNode back = JSON.readTree(FactJson.points(List.of(p))).get(0);

    assertThat(back.get("temporality").asText()).isEqualTo("cumulative");
    assertThat(back.get("value").asDouble()).isEqualTo(0.5);
    for (int i = 0; i < awkward.size(); i++) {
      assertThat(back.get("dims").get("k" + i + awkward.get(i)).asText()).isEqualTo(awkward.get(i));
    }
  }

  @Test
  void object_writesNumbersBooleansListsAndNulls() throws Exception {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("n", 42L);
    attrs.put("b", true);
    attrs.put("d", 1.5);
    attrs.put("nan", Double.NaN);
    attrs.put("list", List.of("a\"", 2L));
    attrs.put("none", null);

    JsonNode back = JSON.readTree(FactJson.object(attrs));

    assertThat(back.get("n").asLong()).isEqualTo(42);
    assertThat(back.get("b").asBoolean()).isTrue();
    assertThat(back.get("d").asDouble()).isEqualTo(1.5);
    assertThat(back.get("nan").asText()).isEqualTo("NaN");
    assertThat(back.get("list").get(0).asText()).isEqualTo("a\"");
    assertThat(back.get("none").isNull()).isTrue();
  }
}
