package dev.yardstick.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.identity.TeamHistory.Entry;
import dev.yardstick.model.ConflictException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TeamHistoryTest {
  private static final long PLATFORM = 1;
  private static final long PAYMENTS = 2;
  private static final long SECURITY = 3;
  private static final LocalDate D = LocalDate.parse("2026-11-10");
  private static final LongFunction<String> NAMES = id -> id == PLATFORM ? "Platform" : id == PAYMENTS ? "Payments" : "Security";

  @Test
  void aFirstTeamWithoutADate_coversTheWholeHistory_withADateStartsThere() {
    assertThat(TeamHistory.joinFrom(List.of(), PLATFORM, null)).containsExactly(new Entry(0, PLATFORM, null, null));
    assertThat(TeamHistory.joinFrom(List.of(), PLATFORM, D)).containsExactly(new Entry(0, PLATFORM, D, null));
    assertThat(new Entry(0, PLATFORM, null, null).covers(LocalDate.parse("1999-01-01"))).isTrue();
  }

  @Test
  void joinFrom_theTeamOneIsIn_changesNothing_whetherTheDayIsBeforeOrAfterItsStart() {
    List<Entry> open = List.of(new Entry(7, PLATFORM, null, null));
    List<Entry> dated = List.of(new Entry(7, PLATFORM, D, null));

    assertThat(TeamHistory.joinFrom(open, PLATFORM, D.plusDays(5))).isEqualTo(open);
    assertThat(TeamHistory.joinFrom(dated, PLATFORM, D.plusDays(5))).isEqualTo(dated);
    assertThat(TeamHistory.joinFrom(dated, PLATFORM, D.minusDays(5))).containsExactly(new Entry(7, PLATFORM, D.minusDays(5), null));
  }

  @Test
  void joinFrom_anotherTeam_endsTheRunningMembershipThere_andLaterOnesGiveWay() {
    List<Entry> history = List.of(new Entry(7, PLATFORM, null, D), new Entry(8, PAYMENTS, D, D.plusDays(10)),
        new Entry(9, SECURITY, D.plusDays(10), null));

    assertThat(TeamHistory.joinFrom(history, SECURITY, D.plusDays(20))).containsExactly(history.get(0), history.get(1), history.get(2));
    assertThat(TeamHistory.joinFrom(history, PLATFORM, D.plusDays(3))).containsExactly(new Entry(7, PLATFORM, null, D),
        new Entry(8, PAYMENTS, D, D.plusDays(3)), new Entry(0, PLATFORM, D.plusDays(3), null));
    assertThat(TeamHistory.joinFrom(history, PLATFORM, D)).containsExactly(new Entry(7, PLATFORM, null, null));
    assertThat(TeamHistory.joinFrom(history, SECURITY, D.minusDays(1)))
        .containsExactly(new Entry(7, PLATFORM, null, D.minusDays(1)), new Entry(9, SECURITY, D.minusDays(1), null));
  }

  @Test
  void since_startsTheTeamExactlyOnTheDay() {
    List<Entry> open = List.of(new Entry(7, PLATFORM, null, null));

    assertThat(TeamHistory.since(open, PLATFORM, D)).containsExactly(new Entry(7, PLATFORM, D, null));
    assertThat(TeamHistory.since(List.of(new Entry(7, PLATFORM, D, null)), PLATFORM, D)).containsExactly(new Entry(7, PLATFORM, D, null));
    assertThat(TeamHistory.since(open, PAYMENTS, D)).containsExactly(new Entry(7, PLATFORM, null, D), new Entry(0, PAYMENTS, D, null));
    assertThat(TeamHistory.since(open, PAYMENTS, null)).containsExactly(new Entry(0, PAYMENTS, null, null));
  }

  @Test
  void put_refusesAnOverlap_namingTheMembership_butTouchingEndsAreFine() {
    List<Entry> history = List.of(new Entry(7, PLATFORM, null, D), new Entry(8, PAYMENTS, D, null));

    assertThat(TeamHistory.put(history, new Entry(7, PLATFORM, D.minusDays(30), D), NAMES))
        .containsExactly(new Entry(7, PLATFORM, D.minusDays(30), D), history.get(1));
    assertThatThrownBy(() -> TeamHistory.put(history, new Entry(7, PLATFORM, null, D.plusDays(1)), NAMES))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Platform from the start to " + D + " overlaps the membership 8 in Payments (from " + D + ")");
    assertThatThrownBy(() -> TeamHistory.put(history, new Entry(0, SECURITY, D.minusDays(1), D.plusDays(1)), NAMES))
        .hasMessage("Security from " + D.minusDays(1) + " to " + D + " overlaps the membership 7 in Platform (from the start to "
            + D.minusDays(1) + ")");
    assertThat(TeamHistory.put(List.of(history.get(0)), new Entry(0, SECURITY, D, D.plusDays(1)), NAMES)).hasSize(2);
  }

  @Test
  void aMembership_mustNotEndBeforeItStarts() {
    assertThatThrownBy(() -> new Entry(0, PLATFORM, D, D)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a membership cannot end (" + D.minusDays(1) + ") before it starts (" + D + ")");
    assertThat(new Entry(0, PLATFORM, D, D.plusDays(1)).covers(D)).isTrue(); // one day
  }

  @Test
  void sorted_putsTheOpenStartFirst() {
    assertThat(TeamHistory.sorted(List.of(new Entry(2, PAYMENTS, D, null), new Entry(1, PLATFORM, null, D))))
        .extracting(Entry::id).containsExactly(1L, 2L);
  }
}
