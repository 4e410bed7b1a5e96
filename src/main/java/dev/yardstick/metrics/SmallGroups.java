package dev.yardstick.metrics;

import dev.yardstick.model.Role;
import java.time.LocalDate;
import java.util.Arrays;
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

  private record Cell(Long team, long week, boolean git) {}

  static Fate[] fates(List<ResolvedRow> rows, Viewer viewer, int minGroupSize) {
    if (viewer.role() == Role.ADMIN) {
      Fate[] all = new Fate[rows.size()];
      Arrays.fill(all, Fate.SEEN);
      return all;
    }
    Cell[] cells = new Cell[rows.size()];
    Map<Cell, Set<Long>> contributors = new HashMap<>();
    Cell previous = null;
    Set<Long> previousSet = null;
    for (int i = 0; i < cells.length; i++) {
      ResolvedRow r = rows.get(i);
      if (!viewer.seesIndividually(r.developerId(), r.teamId())) {
        Cell c = new Cell(group(r, viewer), week(r.day()), r.git() != null);
        if (!c.equals(previous)) { // rows come a day at a time: the cell is often the last one
          previous = c;
          previousSet = contributors.computeIfAbsent(c, k -> new HashSet<>());
        }
        cells[i] = previous;
        previousSet.add(r.contributor());
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

  /** The week a day is in, Monday to Sunday, as a number (1970-01-01 was a Thursday of week 0). */
  static long week(LocalDate day) {
    return Math.floorDiv(day.toEpochDay() + 3, 7);
  }

  static LocalDate monday(LocalDate day) {
    return LocalDate.ofEpochDay(week(day) * 7 - 3);
  }

  static LocalDate sunday(LocalDate day) {
    return LocalDate.ofEpochDay(week(day) * 7 + 3);
  }
}
