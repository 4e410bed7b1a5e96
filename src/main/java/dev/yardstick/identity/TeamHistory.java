package dev.yardstick.identity;

import dev.yardstick.model.ConflictException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Pure: a developer's team memberships as one timeline without overlaps, and the changes an admin
 * makes to it. A developer's first team applies from the start of their data unless a date says
 * otherwise: an open start (null) keeps being right when older data (a backfill, imported git
 * history) arrives after the developer was added.
 */
public final class TeamHistory {
  private TeamHistory() {}

  /**
   * One membership, from {@code from} (inclusive; null = since the start of the developer's data) to
   * {@code to} (exclusive; null = still in the team). An id of 0 is one not stored yet.
   */
  public record Entry(long id, long teamId, LocalDate from, LocalDate to) {
    public Entry {
      if (from != null && to != null && !from.isBefore(to)) {
        throw new IllegalArgumentException("a membership cannot end (" + to.minusDays(1) + ") before it starts (" + from + ")");
      }
    }

    public boolean covers(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
    }

    boolean overlaps(Entry o) {
      return start(this).isBefore(end(o)) && start(o).isBefore(end(this));
    }

    /** "from 2026-11-01 to 2026-11-09" (the last day), "from the start". */
    String span() {
      return "from " + (from == null ? "the start" : from) + (to == null ? "" : " to " + to.minusDays(1));
    }
  }

  /** Earliest first; an open start before every date. */
  public static List<Entry> sorted(Collection<Entry> entries) {
    return entries.stream().sorted(Comparator.comparing(TeamHistory::start).thenComparing(Entry::id)).toList();
  }

  /**
   * In the team from {@code day} on (null: over the whole history): memberships that start on or
   * after it give way, the one running on it ends there, and the same team running into it simply
   * continues (so a move to the team one is already in changes nothing).
   */
  public static List<Entry> joinFrom(List<Entry> current, long teamId, LocalDate day) {
    List<Entry> out = new ArrayList<>();
    long reuse = 0;
    for (Entry e : sorted(current)) {
      if (day != null && (e.from() == null || e.from().isBefore(day))) {
        out.add(e.to() == null || e.to().isAfter(day) ? new Entry(e.id(), e.teamId(), e.from(), day) : e);
      } else if (e.teamId() == teamId && reuse == 0) {
        reuse = e.id(); // a later start of the same team moves rather than being replaced
      }
    }
    Entry last = out.isEmpty() ? null : out.getLast();
    if (last != null && last.teamId() == teamId && Objects.equals(last.to(), day)) {
      out.set(out.size() - 1, new Entry(last.id(), teamId, last.from(), null));
    } else {
      out.add(new Entry(reuse, teamId, day, null));
    }
    return out;
  }

  /** As {@link #joinFrom}, and the membership in the team starts exactly on {@code day}: "in the team since". */
  public static List<Entry> since(List<Entry> current, long teamId, LocalDate day) {
    List<Entry> out = new ArrayList<>(joinFrom(current, teamId, day));
    Entry last = out.getLast();
    if (day != null && (last.from() == null || last.from().isBefore(day))) {
      out.set(out.size() - 1, new Entry(last.id(), teamId, day, null));
    }
    return out;
  }

  /**
   * The timeline with {@code changed} added (id 0) or in place of the entry with its id. Throws
   * ConflictException naming the membership it would overlap.
   */
  public static List<Entry> put(List<Entry> current, Entry changed, LongFunction<String> teamName) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : sorted(current)) {
      if (changed.id() != 0 && e.id() == changed.id()) {
        continue;
      }
      if (e.overlaps(changed)) {
        throw new ConflictException(teamName.apply(changed.teamId()) + " " + changed.span() + " overlaps the membership " + e.id()
            + " in " + teamName.apply(e.teamId()) + " (" + e.span() + ")");
      }
      out.add(e);
    }
    out.add(changed);
    return sorted(out);
  }

  private static LocalDate start(Entry e) {
    return e.from() == null ? LocalDate.MIN : e.from();
  }

  private static LocalDate end(Entry e) {
    return e.to() == null ? LocalDate.MAX : e.to();
  }
}
