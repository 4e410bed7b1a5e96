package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportTest {
  private static final LocalDate MON = LocalDate.parse("2026-11-02");

  @Test
  void build_byDeveloper_sumsDaysAndIdentitiesOfOneKey() {
    List<UsageRow> rows = List.of(row(MON, 1, UsageField.COMMITS, 2), row(MON.plusDays(1), 1, UsageField.COMMITS, 3),
        row(MON, 2, UsageField.COMMITS, 1), row(MON, 3, UsageField.COST_USD, 0.1234567));

    List<ReportRow> out = UsageReport.build(rows, GroupBy.DEVELOPER, MON, MON.plusDays(6),
        id -> id == 3 ? "b@example.com" : "a@example.com", "Default");

    assertThat(out).extracting(ReportRow::key).containsExactly("a@example.com", "b@example.com");
    assertThat(out.get(0).commitsByClaudeCode()).isEqualTo(6);
    assertThat(out.get(1).costUsd()).isEqualTo(0.123457);
  }

  @Test
  void build_byDay_hasEveryDayWithNullsWhereNothingArrived() {
    List<ReportRow> out = UsageReport.build(List.of(row(MON.plusDays(1), 1, UsageField.SESSIONS, 4)), GroupBy.DAY,
        MON, MON.plusDays(2), id -> "x", "Default");

    assertThat(out).extracting(ReportRow::key).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
    assertThat(out.get(0).sessions()).isNull();
    assertThat(out.get(0).tokens()).isNull();
    assertThat(out.get(1).sessions()).isEqualTo(4);
    assertThat(out.get(1).commits()).isNull(); // git fields stay unknown
  }

  @Test
  void build_byWeek_keysByMonday() {
    List<ReportRow> out = UsageReport.build(List.of(row(MON.plusDays(8), 1, UsageField.COMMITS, 1)), GroupBy.WEEK,
        MON.plusDays(3), MON.plusDays(10), id -> "x", "Default");

    assertThat(out).extracting(ReportRow::key).containsExactly("2026-11-02", "2026-11-09");
    assertThat(out.get(1).commitsByClaudeCode()).isEqualTo(1);
  }

  @Test
  void build_byOrg_oneRowEvenWithoutData() {
    List<ReportRow> out = UsageReport.build(List.of(), GroupBy.ORG, MON, MON, id -> "x", "Acme");

    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("Acme");
      assertThat(r.sessions()).isNull();
    });
  }

  private static UsageRow row(LocalDate day, long identity, UsageField f, double v) {
    double[] values = new double[UsageField.count()];
    values[f.ordinal()] = v;
    return new UsageRow(day, identity, "", values);
  }
}
