package dev.yardstick.metrics.adoption;

import static dev.yardstick.metrics.adoption.IntervalTest.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.adoption.Acceptance.Rate;
import dev.yardstick.metrics.adoption.Acceptance.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edit decisions by tool, language and source, hand-computed. */
class AcceptanceTest {
  static DecisionRow row(String tool, String language, String source, double accepted, double rejected) {
    return new DecisionRow(d("2026-02-02"), 1L, null, tool, language, source, accepted, rejected);
  }

  @Test
  void countsAndRates_byToolLanguageAndSource_withAdminApiToolsUnderClaudeCodesNames() {
    Result r = Acceptance.of(List.of(row("Edit", "TypeScript", "user_permanent", 3, 1), row("Edit", "Java", "config", 2, 0),
        row("Write", "TypeScript", "user_reject", 0, 2), row("edit_tool", null, null, 4, 0),
        row("multi_edit_tool", null, null, 1, 1), row("mcp__fs__write", "unknown", "hook", 1, 0)));

    assertThat(r.all()).isEqualTo(new Rate(11, 4, 0.7333)); // 11 / 15
    assertThat(r.byTool()).containsExactly(Map.entry("Edit", new Rate(9, 1, 0.9)), Map.entry("MultiEdit", new Rate(1, 1, 0.5)),
        Map.entry("Write", new Rate(0, 2, 0.0)), Map.entry("NotebookEdit", new Rate(0, 0, null)),
        Map.entry("mcp__fs__write", new Rate(1, 0, 1.0)));
    assertThat(r.byLanguage()).containsExactly(Map.entry("(not reported)", new Rate(5, 1, 0.8333)),
        Map.entry("Java", new Rate(2, 0, 1.0)), Map.entry("TypeScript", new Rate(3, 3, 0.5)), Map.entry("unknown", new Rate(1, 0, 1.0)));
    assertThat(r.bySource()).containsExactly(Map.entry("(not reported)", new Rate(5, 1, 0.8333)),
        Map.entry("config", new Rate(2, 0, 1.0)), Map.entry("hook", new Rate(1, 0, 1.0)), Map.entry("user", new Rate(3, 3, 0.5)));
  }

  @Test
  void noDecisions_rateIsUnknown_notZero() {
    Result r = Acceptance.of(List.of());
    assertThat(r.all()).isEqualTo(new Rate(0, 0, null));
    assertThat(r.byTool().keySet()).containsExactly("Edit", "MultiEdit", "Write", "NotebookEdit");
    assertThat(r.byTool().values()).containsOnly(new Rate(0, 0, null));
    assertThat(r.byLanguage()).isEmpty();
  }

  @Test
  void sourceClasses() {
    assertThat(List.of("user_permanent", "user_temporary", "user_abort", "user_reject", "config", "hook", "policy"))
        .map(Acceptance::sourceClass).containsExactly("user", "user", "user", "user", "config", "hook", "other");
    assertThat(Acceptance.sourceClass(null)).isEqualTo(Acceptance.NOT_REPORTED);
  }
}
