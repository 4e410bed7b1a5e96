package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.BreakdownAnswers.AcceptanceRow;
import dev.yardstick.metrics.adoption.DecisionRow;
import dev.yardstick.model.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The acceptance rows and the report's tool rows from decision rows, with rows of too few developers withheld. */
class BreakdownTablesTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-10");
  static final Viewer DEVELOPER_1 = new Viewer(Role.DEVELOPER, 1L, Set.of(), false);

  // developers 1-3 decide in Java; developer 3 alone in Rust; an unattributed decision in Java
  static final List<DecisionRow> ROWS = List.of(
      new DecisionRow(DAY, 1L, 7L, "Edit", "Java", "config", 4, 1),
      new DecisionRow(DAY, 2L, 7L, "Edit", "Java", "user_temporary", 2, 0),
      new DecisionRow(DAY, 3L, 8L, "Write", "Java", "hook", 1, 1),
      new DecisionRow(DAY, 3L, 8L, "Write", "Rust", "hook", 5, 0),
      new DecisionRow(DAY, null, null, "edit_tool", null, null, 3, 3));

  static Map<String, AcceptanceRow> byKey(List<AcceptanceRow> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.dimension() + ":" + r.key(), Function.identity()));
  }

  @Test
  void admins_seeEveryRow_countsAndRatesAddedUp() {
    Map<String, AcceptanceRow> rows = byKey(BreakdownTables.acceptance(ROWS, Viewer.ADMIN, 3));
    assertThat(rows.get("all:all")).isEqualTo(new AcceptanceRow("all", "all", 4, false, 15L, 5L, 0.75));
    assertThat(rows.get("tool:Edit")).isEqualTo(new AcceptanceRow("tool", "Edit", 3, false, 9L, 4L, 0.6923));
    assertThat(rows.get("language:Rust")).isEqualTo(new AcceptanceRow("language", "Rust", 1, false, 5L, 0L, 1.0));
    assertThat(rows.get("source:(not reported)").accepted()).isEqualTo(3);
    assertThat(rows.get("tool:MultiEdit")).isEqualTo(new AcceptanceRow("tool", "MultiEdit", 0, false, 0L, 0L, null));
  }

  @Test
  void aRowOfFewerDevelopersThanTheMinimum_isWithheld_unlessTheViewerSeesThemAll() {
    Map<String, AcceptanceRow> rows = byKey(BreakdownTables.acceptance(ROWS, DEVELOPER_1, 3));
    assertThat(rows.get("language:Rust")).isEqualTo(new AcceptanceRow("language", "Rust", 1, true, null, null, null));
    assertThat(rows.get("language:Java").withheld()).isFalse(); // developers 1, 2, 3 and the unattributed
    assertThat(rows.get("source:config")).isEqualTo(new AcceptanceRow("source", "config", 1, false, 4L, 1L, 0.8)); // their own

    List<ReportRow> tools = BreakdownReport.tools(BreakdownTables.acceptance(ROWS, DEVELOPER_1, 3));
    assertThat(tools).extracting(ReportRow::key).containsExactly("Edit", "MultiEdit", "Write", "NotebookEdit");
    assertThat(tools.get(2).withheld()).isTrue(); // Write: developer 3 alone
    assertThat(tools.get(0).editsAccepted()).isEqualTo(9);
    assertThat(tools.get(0).costUsd()).isNull();
  }
}
