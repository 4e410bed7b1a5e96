package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.metrics.UsageReport.Period;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageField;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Months and series, pure: periods cut by the window, weeks whole in a month for restricted viewers, points per period. */
class SeriesTest {
  private static final LocalDate D = LocalDate.parse("2026-01-29"); // a Thursday
  private static final UsageReport.Naming NAMING = new UsageReport.Naming() {
    public String developer(long id) {
      return "dev" + id + "@example.com";
    }

    public List<String> teamAndAncestors(long teamId) {
      return List.of("Team" + teamId);
    }

    public String org() {
      return "Acme";
    }
  };

  @Test
  void months_cutByTheWindow_holdTheWindowsDays() {
    assertThat(UsageReport.periods(D, LocalDate.parse("2026-03-02"), GroupBy.MONTH, false)).containsExactly(
        new Period("2026-01-01", D, LocalDate.parse("2026-01-31")),
        new Period("2026-02-01", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")),
        new Period("2026-03-01", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02")));
  }

  @Test
  void months_forViewersOfWholeWeeks_takeEachWeekWhole_intoTheMonthOfItsThursday() {
    // Mon 26 Jan - Sun 1 Feb has its Thursday in January; Mon 23 Feb - Sun 1 Mar in February
    assertThat(UsageReport.periods(LocalDate.parse("2026-01-26"), LocalDate.parse("2026-03-01"), GroupBy.MONTH, true)).containsExactly(
        new Period("2026-01-01", LocalDate.parse("2026-01-26"), LocalDate.parse("2026-02-01")),
        new Period("2026-02-01", LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-01")));
  }

  @Test
  void series_hasAPointForEveryPeriod_nullWithoutData_activeUsersCountsPeople() {
    List<ResolvedRow> rows = new ArrayList<>();
    rows.add(usage(D, 1L, 3)); // week of 26 Jan
    rows.add(usage(D.plusDays(1), 2L, 2));
    rows.add(usage(D.plusDays(2), 1L, 1));
    rows.add(usage(D.plusDays(14), 1L, 0)); // a row without activity: sessions 0, not active
    LocalDate from = LocalDate.parse("2026-01-26");
    LocalDate to = LocalDate.parse("2026-02-15");

    Series.Answer sessions = Series.build(rows, SeriesMetric.parse("sessions"), GroupBy.WEEK, GroupBy.ORG, from, to, NAMING,
        Viewer.ADMIN, 3, List.of());
    Series.Answer active = Series.build(rows, SeriesMetric.parse("activeUsers"), GroupBy.WEEK, GroupBy.ORG, from, to, NAMING,
        Viewer.ADMIN, 3, List.of());

    assertThat(sessions.series()).singleElement().satisfies(l -> {
      assertThat(l.key()).isEqualTo("Acme");
      assertThat(l.points()).extracting(Series.Point::period).containsExactly("2026-01-26", "2026-02-02", "2026-02-09");
      assertThat(l.points()).extracting(Series.Point::value).containsExactly(6L, null, 0L);
    });
    assertThat(active.series().getFirst().points()).extracting(Series.Point::value).containsExactly(2, null, 0);
  }

  @Test
  void series_forAManagerWhoMayNotSeeIndividuals_withholdsSmallGroups() {
    Viewer manager = new Viewer(Role.MANAGER, null, Set.of(7L), false);
    List<ResolvedRow> rows = List.of(usage(D, 1L, 3L, 7L), usage(D.plusDays(7), 1L, 3L, 7L), usage(D.plusDays(7), 2L, 1L, 7L));
    LocalDate from = LocalDate.parse("2026-01-26");

    Series.Answer a = Series.build(rows, SeriesMetric.parse("sessions"), GroupBy.WEEK, GroupBy.TEAM, from, from.plusDays(13),
        NAMING, manager, 2, List.of("Team7"));

    assertThat(a.series()).singleElement().satisfies(l -> assertThat(l.points()).extracting(Series.Point::value)
        .containsExactly(null, 4L)); // one developer in the first week: withheld; two in the second
  }

  @Test
  void metrics_areTheRowsNumericFields_asTheOpenApiDocumentListsThem_andAnUnknownOneIsRefused() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    List<String> documented = new ArrayList<>();
    doc.at("/paths/~1api~1v1~1timeseries/get/parameters/0/schema/enum").forEach(n -> documented.add(n.asText()));
    assertThat(SeriesMetric.names()).containsExactlyElementsOf(documented)
        .contains("aiUsagePercent", "commits", "committedLinesAdded", "costUsd", "sessions", "tokens", "reworkPercent",
            "defectRate", "activeUsers").doesNotContain("key", "withheld", "developers");
    assertThatThrownBy(() -> SeriesMetric.parse("loc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metric must be one of sessions, ").hasMessageContaining("activeUsers");
  }

  private static ResolvedRow usage(LocalDate day, long developer, double sessions) {
    return usage(day, developer, sessions, null);
  }

  private static ResolvedRow usage(LocalDate day, long developer, double sessions, Long team) {
    double[] v = new double[UsageField.count()];
    v[UsageField.SESSIONS.ordinal()] = sessions;
    return new ResolvedRow(day, developer, team, v);
  }
}
