package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.SourceMerge.SourcedRow;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-double-counting rule over rows of both sources. */
class SourceMergeTest {
  static final LocalDate D1 = LocalDate.parse("2026-10-01");
  static final LocalDate D2 = LocalDate.parse("2026-10-02");

  static SourcedRow row(LocalDate day, String subject, Long dev, double sessions, double commits, double active) {
    double[] v = new double[UsageField.count()];
    v[UsageField.SESSIONS.ordinal()] = sessions;
    v[UsageField.COMMITS.ordinal()] = commits;
    v[UsageField.ACTIVE_CLI_SECONDS.ordinal()] = active;
    return new SourcedRow(day, subject, dev, null, v);
  }

  static double sum(List<ResolvedRow> rows, UsageField f) {
    return rows.stream().mapToDouble(r -> r.values()[f.ordinal()]).sum();
  }

  @Test
  void sameSubjectAndDay_takesAdminFields_andTelemetryActiveTime_otherDaysEachTheirOwn() {
    List<SourcedRow> tel = List.of(row(D1, "d:1", 1L, 3, 10, 600), row(D1, "d:1", 1L, 1, 1, 60), row(D2, "d:1", 1L, 2, 5, 100));
    List<SourcedRow> adm = List.of(row(D1, "d:1", 1L, 5, 7, 0), row(D1, "k:ci", null, 9, 9, 0));

    List<ResolvedRow> merged = SourceMerge.merge(tel, adm, UsageSource.MERGED);

    assertThat(merged).hasSize(3);
    ResolvedRow d1 = merged.stream().filter(r -> r.day().equals(D1) && Long.valueOf(1).equals(r.developerId())).findFirst().orElseThrow();
    assertThat(d1.values()[UsageField.SESSIONS.ordinal()]).isEqualTo(5);
    assertThat(d1.values()[UsageField.COMMITS.ordinal()]).isEqualTo(7);
    assertThat(d1.values()[UsageField.ACTIVE_CLI_SECONDS.ordinal()]).isEqualTo(660);
    assertThat(sum(merged, UsageField.COMMITS)).isEqualTo(7 + 5 + 9);
  }

  @Test
  void unresolvedEmailsMeet_acrossSources_andEachSourceAloneIsUntouched() {
    List<SourcedRow> tel = List.of(row(D1, "e:x@example.com", null, 2, 2, 50));
    List<SourcedRow> adm = List.of(row(D1, "e:x@example.com", null, 4, 4, 0));
    assertThat(sum(SourceMerge.merge(tel, adm, UsageSource.MERGED), UsageField.SESSIONS)).isEqualTo(4);
    assertThat(sum(SourceMerge.merge(tel, adm, UsageSource.TELEMETRY), UsageField.SESSIONS)).isEqualTo(2);
    assertThat(sum(SourceMerge.merge(tel, adm, UsageSource.ADMIN_API), UsageField.SESSIONS)).isEqualTo(4);
    assertThat(UsageSource.parse("admin-api")).isEqualTo(UsageSource.ADMIN_API);
  }
}
