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

    JsonNode back = JSON.readTree(FactJson.points(List.of(p)));

    assertThat(back.get("temporality").asText()).isEqualTo("cumulative");
    assertThat(back.get("start").asLong()).isEqualTo(1);
    assertThat(back.get("time").asLong()).isEqualTo(2);
    JsonNode point = back.get("points").get(0);
    assertThat(point).hasSize(3);
    assertThat(point.get(0).asText()).isEqualTo("claude_code.token.usage");
    assertThat(point.get(1).asDouble()).isEqualTo(0.5);
    for (int i = 0; i < awkward.size(); i++) {
      assertThat(point.get(2).get("k" + i + awkward.get(i)).asText()).isEqualTo(awkward.get(i));
    }
  }

  @Test
  void points_carryTheirOwnWindowOnlyWhereItDiffersFromTheFirst() throws Exception {
    long s = 1_700_000_000_000_000_000L;
    List<MetricPoint> points = List.of(
        new MetricPoint("claude_code.session.count", MetricPoint.Temporality.DELTA, s, s + 60, 1, Map.of()),
        new MetricPoint("claude_code.cost.usage", MetricPoint.Temporality.DELTA, s, s + 60, 0.25, Map.of("model", "m")),
        new MetricPoint("claude_code.cost.usage", MetricPoint.Temporality.CUMULATIVE, s - 5, s + 90, Double.NaN, Map.of()));

    JsonNode back = JSON.readTree(FactJson.points(points));

    assertThat(back.get("temporality").asText()).isEqualTo("delta");
    assertThat(back.get("start").asLong()).isEqualTo(s);
    assertThat(back.get("time").asLong()).isEqualTo(s + 60);
    JsonNode all = back.get("points");
    assertThat(all).hasSize(3);
    assertThat(all.get(1)).hasSize(3);
    assertThat(all.get(1).get(2).get("model").asText()).isEqualTo("m");
    JsonNode own = all.get(2);
    assertThat(own).hasSize(6);
    assertThat(own.get(1).asText()).isEqualTo("NaN");
    assertThat(own.get(3).asLong()).isEqualTo(s - 5);
    assertThat(own.get(4).asLong()).isEqualTo(s + 90);
    assertThat(own.get(5).asText()).isEqualTo("cumulative");
  }

  @Test
  void points_ofNoneIsAnEmptyList() throws Exception {
    assertThat(JSON.readTree(FactJson.points(List.of())).get("points")).isEmpty();
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
