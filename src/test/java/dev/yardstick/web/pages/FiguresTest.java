package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.web.pages.Figures.Kind;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void unknown_isNoData_neverZero_andHasNoChange() {
    assertThat(Figures.show(null, Kind.COUNT)).isEqualTo("no data");
    assertThat(Figures.show(0L, Kind.COUNT)).isEqualTo("0");
    assertThat(Figures.change(3L, null, Kind.COUNT)).isNull();
    assertThat(Figures.acceptancePercent(null, null)).isNull();
  }

  @Test
  void figures_andChanges_inTheirUnits() {
    assertThat(Figures.show(1234L, Kind.COUNT)).isEqualTo("1,234");
    assertThat(Figures.show(46.666, Kind.PERCENT)).isEqualTo("46.67 %");
    assertThat(Figures.show(0.25, Kind.RATE)).isEqualTo("25 %");
    assertThat(Figures.show(1.5, Kind.USD)).isEqualTo("$1.50");
    assertThat(Figures.show(3 * 3600 + 20 * 60, Kind.SECONDS)).isEqualTo("3 h 20 min");
    assertThat(Figures.show(90, Kind.SECONDS)).isEqualTo("1 min");
    assertThat(Figures.change(5L, 2L, Kind.COUNT)).isEqualTo("+3");
    assertThat(Figures.change(40.0, 50.5, Kind.PERCENT)).isEqualTo("\u221210.5 pp");
    assertThat(Figures.change(1.0, 1.0, Kind.USD)).isEqualTo("\u00b1$0.00");
    assertThat(Figures.acceptancePercent(2L, 1L)).isEqualTo(66.67);
  }
}
