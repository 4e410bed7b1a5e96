package dev.yardstick.storage;

import dev.yardstick.model.Event;
import dev.yardstick.model.MetricPoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One transaction of a removal: the groups of a few identities go, and every day row they added to
 * (and every day of a cumulative series they were part of) is rebuilt from the groups that stay.
 * A dry run ({@code removalId} null) locks and writes nothing and leaves the groups it names out of
 * the rebuild, so it computes exactly what the removal would.
 */
final class RemovalBatch {
  private final Connection c;
  private final long org;
  private final ZoneId zone;
  private final Long removalId;
  private final int span;
  private final Set<StoredFact.Key> gone = new HashSet<>();
  private final Map<StoredFact.Key, StoredFact> live = new HashMap<>();
  private final Map<Long, TreeSet<LocalDate>> days = new TreeMap<>(); // per identity: the days whose rows are rebuilt
  private final Set<CumulativeSeries.Key> series = new TreeSet<>(CumulativeSeries.Key.ORDER); // those whose points went

  /** @param span how many days at most a group's items lie after its first day (see {@link FactSpans}) */
  RemovalBatch(Connection c, long org, ZoneId zone, int span, Long removalId) {
    this.c = c;
    this.org = org;
    this.zone = zone;
    this.span = span;
    this.removalId = removalId;
  }

  private boolean apply() {
    return removalId != null;
  }

  /** Removes the groups of these keys that are still there (a dry run: says what that would do). */
  TelemetryRemoval.Tally run(List<StoredFact.Key> targets, Instant now) throws SQLException {
    List<StoredFact> removed = FactQueries.read(c, org, targets, apply());
    TelemetryRemoval.Tally t = new TelemetryRemoval.Tally();
    if (removed.isEmpty()) {
      return t;
    }
    if (apply()) {
      FactQueries.remove(c, org, removed, removalId);
    }
    for (StoredFact f : removed) {
      gone.add(f.key());
      t.count(f);
      for (MetricPoint p : f.group().points()) {
        t.days.add(day(f.identityId(), p.timeNanos()));
        if (p.temporality() == MetricPoint.Temporality.CUMULATIVE) {
          series.add(seriesOf(f, p));
        }
      }
      for (Event e : f.group().events()) {
        t.days.add(day(f.identityId(), e.timeNanos()));
      }
    }
    if (!series.isEmpty()) {
      recountSeries(removed);
    }
    List<Long> rows = new ArrayList<>();
    days.forEach((identity, ds) -> ds.forEach(d -> rows.add(DayKey.of(d, identity))));
    rows.sort(null);
    Map<Long, DayRowRewrite.Found> before = DayRowRewrite.read(c, rows, apply());
    if (!days.isEmpty()) {
      readTouching();
    }
    DayRebuild.Result rebuilt = DayRebuild.rebuild(org, zone, live.values());
    if (apply()) {
      DayRowRewrite.write(c, rows, before, rebuilt.rows());
      Map<CumulativeSeries.Key, CumulativeState> states = new TreeMap<>(CumulativeSeries.Key.ORDER);
      series.forEach(k -> states.put(k, rebuilt.states().getOrDefault(k, CumulativeState.NONE)));
      DayRowRewrite.writeStates(c, states, now);
    }
    t.rows(rows, before, rebuilt.rows());
    return t;
  }

  // a later point of a series counted its increment against a point that went: its day is rebuilt too
  private void recountSeries(List<StoredFact> removed) throws SQLException {
    if (apply()) {
      DayRowRewrite.lockSeries(c, series);
    }
    for (StoredFact f : readSessions(removed)) {
      for (MetricPoint p : f.group().points()) {
        if (series.contains(seriesOf(f, p))) {
          day(f.identityId(), p.timeNanos());
        }
      }
    }
  }

  /** The groups that stay and may hold an item on a day to rebuild, and the sessions of their cumulative points. */
  private void readTouching() throws SQLException {
    List<StoredFact> touching = FactQueries.read(c, FactQueries.touching(org, days, span, zone));
    keep(touching);
    readSessions(touching); // a cumulative point's increment comes from its series, replayed from its start
  }

  /** Reads the metric groups that stay of the sessions that hold cumulative points among {@code of}: its series live in one. */
  private List<StoredFact> readSessions(Collection<StoredFact> of) throws SQLException {
    Set<Long> identities = new HashSet<>();
    Set<String> sessions = new HashSet<>();
    Set<List<Object>> pairs = new HashSet<>();
    for (StoredFact f : of) {
      if (f.group().points().stream().anyMatch(p -> p.temporality() == MetricPoint.Temporality.CUMULATIVE)) {
        identities.add(f.identityId());
        sessions.add(f.group().context().sessionId());
        pairs.add(sessionOf(f));
      }
    }
    if (pairs.isEmpty()) {
      return List.of();
    }
    List<StoredFact> found = FactQueries.read(c, FactQueries.sessions(org, identities, sessions)).stream()
        .filter(f -> pairs.contains(sessionOf(f))).toList();
    keep(found);
    return found;
  }

  // a dry run reads the groups it would remove among the others: they are not among those that stay
  private void keep(List<StoredFact> facts) {
    for (StoredFact f : facts) {
      if (!gone.contains(f.key())) {
        live.put(f.key(), f);
      }
    }
  }

  /** Adds an item's day to its identity's days to rebuild (unless no row can exist on it); returns the day. */
  private LocalDate day(long identity, long nanos) {
    LocalDate d = Times.day(nanos, zone);
    if (DayKey.holds(d)) {
      days.computeIfAbsent(identity, k -> new TreeSet<>()).add(d);
    }
    return d;
  }

  private CumulativeSeries.Key seriesOf(StoredFact f, MetricPoint p) {
    return CumulativeSeries.key(new CumulativeSeries.Pending(org, f.identityId(), f.group(), p, 0));
  }

  private static List<Object> sessionOf(StoredFact f) {
    return Arrays.asList(f.identityId(), f.group().context().sessionId()); // the session id may be null
  }
}
