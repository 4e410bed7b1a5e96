package dev.yardstick.storage;

import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.Plausibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: what stored facts add to identities' day rows, as ingest added it. Events and delta points
 * add as they are. Each cumulative series is replayed from its first stored point in the order its
 * points arrived (received, then their own time, as ingest orders a transaction's points), so every
 * point adds the increment ingest gave it, and the state at the end is what the next point meets.
 */
final class DayRebuild {
  private DayRebuild() {}

  /** The rows the facts add to, and the state each cumulative series ends in. */
  record Result(DayRows rows, Map<CumulativeSeries.Key, CumulativeState> states) {}

  private record Arrival(Instant receivedAt, CumulativeSeries.Pending pending) {}

  static Result rebuild(long org, ZoneId zone, Collection<StoredFact> facts) {
    DayRows rows = new DayRows();
    Map<CumulativeSeries.Key, List<Arrival>> series = new TreeMap<>(CumulativeSeries.Key.ORDER);
    List<StoredFact> inOrder = new ArrayList<>(facts); // a transaction's groups went in key order
    inOrder.sort(Comparator.comparing(StoredFact::receivedAt).thenComparingLong(f -> f.key().hi())
        .thenComparingLong(f -> f.key().lo()));
    for (StoredFact f : inOrder) {
      List<CumulativeSeries.Pending> cumulative = new ArrayList<>();
      RollupMapper.add(rows, org, zone, f.identityId(), f.group(), 0, cumulative);
      for (CumulativeSeries.Pending p : cumulative) {
        series.computeIfAbsent(CumulativeSeries.key(p), k -> new ArrayList<>()).add(new Arrival(f.receivedAt(), p));
      }
    }
    Map<CumulativeSeries.Key, CumulativeState> states = new TreeMap<>(CumulativeSeries.Key.ORDER);
    series.forEach((key, arrivals) -> {
      arrivals.sort(Comparator.comparing(Arrival::receivedAt).thenComparingLong(a -> a.pending().point().timeNanos()));
      CumulativeState state = CumulativeState.NONE;
      for (Arrival a : arrivals) {
        MetricPoint p = a.pending().point();
        CumulativeState.Step step = state.apply(p.startNanos(), p.timeNanos(), p.value());
        // the rule ingest applies: a rise beyond the limit adds nothing, and the series counts on from there
        if (Plausibility.rise(p.name(), step.increment(), step.covered()) == null) {
          RollupMapper.addPoint(rows, org, zone, a.pending().identityId(), p, step.increment());
        }
        state = step.next();
      }
      states.put(key, state);
    });
    return new Result(rows, states);
  }
}
