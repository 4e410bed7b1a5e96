package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-day cache alone: which runs of days it reads, and what it keeps under which version. */
class DayRowCacheTest {
  static final LocalDate D = LocalDate.parse("2026-03-02");

  /** A database of one row per day whose value is day-of-month plus {@code offset}, counting the runs read. */
  static final class Source {
    final List<List<LocalDate>> reads = new ArrayList<>();
    int offset;

    List<Row> load(LocalDate from, LocalDate to) {
      reads.add(List.of(from, to));
      List<Row> out = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (d.getDayOfWeek().getValue() != 7) { // Sundays hold no rows: empty days are kept too
          out.add(new Row(d, d.getDayOfMonth() + offset));
        }
      }
      return out;
    }
  }

  record Row(LocalDate day, int value) {}

  static List<Row> read(DayRowCache<Row> cache, Source s, long version, LocalDate from, LocalDate to, LocalDate liveFrom) {
    return cache.read(1, version, from, to, liveFrom, s::load, Row::day);
  }

  @Test
  void aWindowReadsOnlyTheRunsOfDaysNotHeld_inDayOrder() {
    DayRowCache<Row> cache = new DayRowCache<>(1_000);
    Source s = new Source();
    read(cache, s, 1, D.plusDays(3), D.plusDays(5), LocalDate.MAX);
    List<Row> rows = read(cache, s, 1, D, D.plusDays(9), LocalDate.MAX);
    assertThat(s.reads).containsExactly(List.of(D.plusDays(3), D.plusDays(5)), List.of(D, D.plusDays(2)),
        List.of(D.plusDays(6), D.plusDays(9)));
    assertThat(rows).isEqualTo(new Source().load(D, D.plusDays(9)));
    s.reads.clear();
    assertThat(read(cache, s, 1, D.plusDays(1), D.plusDays(8), LocalDate.MAX)).isEqualTo(new Source().load(D.plusDays(1), D.plusDays(8)));
    assertThat(s.reads).isEmpty();
  }

  @Test
  void daysFromLiveFromOn_areReadEveryTime_andNeverKept() {
    DayRowCache<Row> cache = new DayRowCache<>(1_000);
    Source s = new Source();
    LocalDate live = D.plusDays(5);
    read(cache, s, 1, D, D.plusDays(9), live);
    s.offset = 100; // the live days changed; the days before could not
    List<Row> rows = read(cache, s, 1, D, D.plusDays(9), live);
    assertThat(s.reads).containsExactly(List.of(D, D.plusDays(4)), List.of(live, D.plusDays(9)), List.of(live, D.plusDays(9)));
    assertThat(rows).extracting(Row::value).containsExactly(2, 3, 4, 5, 6, 107, 109, 110, 111);
  }

  @Test
  void aNewVersion_startsAgain_andAReaderOfAnOlderOneKeepsNothing() {
    DayRowCache<Row> cache = new DayRowCache<>(1_000);
    Source s = new Source();
    read(cache, s, 1, D, D.plusDays(2), LocalDate.MAX);
    s.offset = 100;
    assertThat(read(cache, s, 2, D, D.plusDays(2), LocalDate.MAX)).extracting(Row::value).containsExactly(102, 103, 104);
    s.offset = 200; // a reader that took version 1 before the writer raised it reads, and must not overwrite version 2
    assertThat(read(cache, s, 1, D, D.plusDays(2), LocalDate.MAX)).extracting(Row::value).containsExactly(202, 203, 204);
    s.reads.clear();
    assertThat(read(cache, s, 2, D, D.plusDays(2), LocalDate.MAX)).extracting(Row::value).containsExactly(102, 103, 104);
    assertThat(s.reads).isEmpty();
    assertThat(read(cache, s, -1, D, D, LocalDate.MAX)).extracting(Row::value).containsExactly(202); // unknown organization
  }

  @Test
  void beyondItsRows_anOrganizationStartsAgainEmpty_andAnswersStayWhole() {
    DayRowCache<Row> cache = new DayRowCache<>(10);
    Source s = new Source();
    assertThat(read(cache, s, 1, D, D.plusDays(13), LocalDate.MAX)).hasSize(12); // 12 rows > 10: not kept
    s.reads.clear();
    assertThat(read(cache, s, 1, D, D.plusDays(13), LocalDate.MAX)).hasSize(12);
    assertThat(s.reads).hasSize(1);
    read(cache, s, 1, D, D.plusDays(2), LocalDate.MAX);
    s.reads.clear();
    read(cache, s, 1, D, D.plusDays(2), LocalDate.MAX); // within the limit: kept
    assertThat(s.reads).isEmpty();
  }
}
