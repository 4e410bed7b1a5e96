package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.Series.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeveloperChartsTest {
  private static Point week(String from, Number v) {
    return new Point(from, from, from, v);
  }

  @Test
  void aChartWithoutAnyKnownFigure_isNull_soThePageSaysWhatIsMissing() {
    List<Point> unknown = List.of(week("2026-11-02", null), week("2026-11-09", null));
    assertThat(DeveloperCharts.usage(unknown, unknown)).isNull();
    assertThat(DeveloperCharts.commits(unknown, unknown)).isNull();
    assertThat(DeveloperCharts.costByModel(List.of())).isNull();
  }

  @Test
  void unknownWeeks_areGaps_notZeros() {
    String option = DeveloperCharts.usage(List.of(week("2026-11-02", 40.0), week("2026-11-09", null)),
        List.of(week("2026-11-02", 100L), week("2026-11-09", 0L)));
    assertThat(option).contains("\"data\":[\"11-02\",\"11-09\"]").contains("\"data\":[100,0]").contains("\"data\":[40.0,null]");
  }
}
