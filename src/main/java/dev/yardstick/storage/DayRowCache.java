package dev.yardstick.storage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of day row of each organization, kept per day under the data version it was read at. A window is served
 * from the days held, reading only the runs of days missing; days from {@code liveFrom} on are always read.
 */
final class DayRowCache<T> {
  /** The rows one organization's days hold under one version. */
  private static final class Entry<T> {
    final long version;
    final Map<LocalDate, List<T>> days = new ConcurrentHashMap<>();
    final AtomicLong rows = new AtomicLong();

    Entry(long version) {
      this.version = version;
    }
  }

  private final Map<Long, Entry<T>> orgs = new ConcurrentHashMap<>();
  private final long maxRows;

  /** {@code maxRows}: the most rows one organization keeps; beyond, it starts again empty (memory stays bounded). */
  DayRowCache(long maxRows) {
    this.maxRows = maxRows;
  }

  /**
   * The rows of days {@code from..to}: {@code load} reads a run of days from the database, {@code dayOf} says a row's
   * day. A version older than the one held (a reader that raced a writer) reads everything and keeps nothing.
   */
  List<T> read(long org, long version, LocalDate from, LocalDate to, LocalDate liveFrom,
      BiFunction<LocalDate, LocalDate, List<T>> load, Function<T, LocalDate> dayOf) {
    Entry<T> entry = version < 0 ? null : orgs.compute(org, (k, e) -> e == null || e.version < version ? new Entry<>(version) : e);
    LocalDate lastHeld = to.isBefore(liveFrom) ? to : liveFrom.minusDays(1);
    if (entry == null || entry.version != version || lastHeld.isBefore(from)) {
      return load.apply(from, to);
    }
    List<T> out = new ArrayList<>();
    LocalDate runStart = null;
    for (LocalDate d = from; !d.isAfter(lastHeld); d = d.plusDays(1)) {
      List<T> held = entry.days.get(d);
      if (held == null && runStart == null) {
        runStart = d;
      }
      if (held != null || d.equals(lastHeld)) {
        if (runStart != null) {
          out.addAll(fill(org, entry, runStart, held == null ? d : d.minusDays(1), load, dayOf));
          runStart = null;
        }
        if (held != null) {
          out.addAll(held);
        }
      }
    }
    if (to.isAfter(lastHeld)) {
      out.addAll(load.apply(lastHeld.plusDays(1), to));
    }
    return out;
  }

  /** Reads a run of missing days and keeps them, each (an empty day too) under the entry's version. */
  private List<T> fill(long org, Entry<T> entry, LocalDate from, LocalDate to, BiFunction<LocalDate, LocalDate, List<T>> load,
      Function<T, LocalDate> dayOf) {
    List<T> rows = load.apply(from, to);
    Map<LocalDate, List<T>> byDay = new HashMap<>();
    for (T r : rows) {
      byDay.computeIfAbsent(dayOf.apply(r), k -> new ArrayList<>()).add(r);
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      entry.days.put(d, List.copyOf(byDay.getOrDefault(d, List.of())));
    }
    if (entry.rows.addAndGet(rows.size()) > maxRows) {
      orgs.remove(org, entry);
    }
    return rows;
  }
}
