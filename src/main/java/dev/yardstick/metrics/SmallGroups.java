package dev.yardstick.metrics;

import dev.yardstick.model.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: the minimum group size, proof against differencing (docs/METRICS.md). For a viewer who may not see everyone
 * in a row, the data is cut into cells: a week, a group the viewer can tell apart (each team they see, by its own
 * members that day; everyone else as one), and a source (usage or git). A cell with fewer contributors than the
 * minimum is left out of every row the viewer gets. Every such row is a union of whole cells (windows are whole
 * weeks), so any difference of rows is a sum of cells that were large enough.
 */
final class SmallGroups {
  /** Data no alias claims counts as one contributor however many identities it holds: identities are not people. */
  static final long UNLINKED = -1;

  private SmallGroups() {}

  /** What happens to a row's data: seen individually by the viewer, kept in a large enough cell, or left out. */
  enum Fate { SEEN, KEPT, LEFT_OUT }

  private record Cell(Long team, LocalDate week, boolean git) {}

  static Fate[] fates(List<ResolvedRow> rows, Viewer viewer, int minGroupSize) {
    Cell[] cells = new Cell[rows.size()];
    Map<Cell, Set<Long>> contributors = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      ResolvedRow r = rows.get(i);
      if (!viewer.seesIndividually(r.developerId(), r.teamId())) {
        cells[i] = new Cell(group(r, viewer), monday(r.day()), r.git() != null);
        contributors.computeIfAbsent(cells[i], k -> new HashSet<>()).add(r.contributor());
      }
    }
    Fate[] out = new Fate[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = cells[i] == null ? Fate.SEEN : contributors.get(cells[i]).size() >= minGroupSize ? Fate.KEPT : Fate.LEFT_OUT;
    }
    return out;
  }

  /** A manager tells apart the teams they see (a parent's row less its teams' rows is its own members); the rest is one group. */
  private static Long group(ResolvedRow r, Viewer viewer) {
    return viewer.role() == Role.MANAGER && r.teamId() != null && viewer.teamIds().contains(r.teamId()) ? r.teamId() : null;
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static LocalDate sunday(LocalDate day) {
    return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
  }
}
