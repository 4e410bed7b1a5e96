package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.SmallGroups.Fate;
import dev.yardstick.model.GitField;
import dev.yardstick.model.Role;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cells of week, group and source: those of fewer contributors than the minimum are left out for restricted viewers. */
class SmallGroupsTest {
  static final LocalDate MON = LocalDate.parse("2026-11-02");
  static final long PLATFORM = 10;
  static final long DATA = 11;
  static final Viewer RESTRICTED_MANAGER = new Viewer(Role.MANAGER, null, Set.of(1L, PLATFORM, DATA), false);

  static ResolvedRow usage(LocalDate day, Long dev, Long team) {
    return new ResolvedRow(day, dev, team, new double[UsageField.count()]);
  }

  static ResolvedRow git(LocalDate day, Long dev, Long team) {
    return ResolvedRow.git(day, dev, team, new double[GitField.count()]);
  }

  @Test
  void developer_seesThemselves_andTheRestIsOneCell_whereAllUnlinkedDataIsOneContributor() {
    Viewer ana = new Viewer(Role.DEVELOPER, 1L, Set.of(), false);
    List<ResolvedRow> rows = List.of(usage(MON, 1L, null), usage(MON, 2L, null), usage(MON, null, null), usage(MON.plusDays(1), null, null));

    assertThat(SmallGroups.fates(rows, ana, 3)).containsExactly(Fate.SEEN, Fate.LEFT_OUT, Fate.LEFT_OUT, Fate.LEFT_OUT);
    List<ResolvedRow> more = List.of(usage(MON, 1L, null), usage(MON, 2L, null), usage(MON, null, null), usage(MON, 3L, null));
    assertThat(SmallGroups.fates(more, ana, 3)).containsExactly(Fate.SEEN, Fate.KEPT, Fate.KEPT, Fate.KEPT);
  }

  @Test
  void restrictedManager_eachTeamAndWeekIsACell() {
    List<ResolvedRow> rows = List.of(
        usage(MON, 1L, PLATFORM), usage(MON, 2L, PLATFORM), usage(MON.plusDays(6), 3L, PLATFORM), // week 1: three
        usage(MON.plusDays(7), 1L, PLATFORM), usage(MON.plusDays(8), 2L, PLATFORM), // week 2: two
        usage(MON, 4L, DATA), // alone in Data: the parent less Platform would be this one
        usage(MON, 5L, null), usage(MON, 6L, null), usage(MON, null, null)); // outside the manager's teams: three

    assertThat(SmallGroups.fates(rows, RESTRICTED_MANAGER, 3)).containsExactly(Fate.KEPT, Fate.KEPT, Fate.KEPT,
        Fate.LEFT_OUT, Fate.LEFT_OUT, Fate.LEFT_OUT, Fate.KEPT, Fate.KEPT, Fate.KEPT);
  }

  @Test
  void usageAndGitAreSeparateCells_soOneCommitterAmongThreeUsersIsLeftOut() {
    List<ResolvedRow> rows = List.of(usage(MON, 1L, PLATFORM), usage(MON, 2L, PLATFORM), usage(MON, 3L, PLATFORM), git(MON, 1L, PLATFORM));

    assertThat(SmallGroups.fates(rows, RESTRICTED_MANAGER, 3)).containsExactly(Fate.KEPT, Fate.KEPT, Fate.KEPT, Fate.LEFT_OUT);
  }

  @Test
  void managerWhoSeesIndividuals_seesTheirTeamsRows_andOnlyTheRestIsCounted() {
    Viewer manager = new Viewer(Role.MANAGER, null, Set.of(PLATFORM), true);
    List<ResolvedRow> rows = List.of(usage(MON, 1L, PLATFORM), usage(MON, 5L, null), usage(MON, 6L, DATA));

    assertThat(SmallGroups.fates(rows, manager, 3)).containsExactly(Fate.SEEN, Fate.LEFT_OUT, Fate.LEFT_OUT);
    assertThat(SmallGroups.fates(rows, Viewer.ADMIN, 3)).containsOnly(Fate.SEEN);
  }

  @Test
  void restrictedIn_whoGetsWholeWeeksAndCells() {
    Viewer developer = new Viewer(Role.DEVELOPER, 1L, Set.of(), false);
    Viewer manager = new Viewer(Role.MANAGER, null, Set.of(PLATFORM), true);
    for (GroupBy g : GroupBy.values()) {
      assertThat(Viewer.ADMIN.restrictedIn(g)).isFalse();
      assertThat(developer.restrictedIn(g)).as(g.wire()).isEqualTo(g == GroupBy.ORG);
      assertThat(manager.restrictedIn(g)).as(g.wire()).isEqualTo(g == GroupBy.ORG);
      assertThat(RESTRICTED_MANAGER.restrictedIn(g)).isTrue();
    }
    assertThat(SmallGroups.monday(LocalDate.parse("2026-11-08"))).isEqualTo(MON);
    assertThat(SmallGroups.sunday(MON)).isEqualTo(LocalDate.parse("2026-11-08"));
  }
}
