package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.AdminUsage.ToolCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact text forms of an Admin API row's models and tool actions survive a round trip, odd names included. */
class AdminTextsTest {
  @Test
  void modelsAndTools_roundTrip() {
    List<ModelUsage> models = List.of(new ModelUsage("claude-sonnet-5", 1, 2, 3, 4, 4.12),
        new ModelUsage("odd;name=x", 0, 0, 0, 0, 0.0));
    assertThat(ModelsText.decode(ModelsText.encode(models))).containsExactly(models.get(0),
        new ModelUsage("odd_name_x", 0, 0, 0, 0, 0.0));
    Map<String, ToolCounts> tools = Map.of("edit_tool", new ToolCounts(61, 4), "shell_tool", new ToolCounts(3, 0));
    assertThat(ToolActionsText.decode(ToolActionsText.encode(tools))).isEqualTo(tools);
    assertThat(ModelsText.decode("")).isEmpty();
  }
}
