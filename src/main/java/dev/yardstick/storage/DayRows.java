package dev.yardstick.storage;

import dev.yardstick.model.Plausibility;
import dev.yardstick.model.UsageField;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeMap;

/** Increments to identities' day rows, summed in memory: those of one ingest transaction, in key order. */
final class DayRows {
  /** One day row's increments: the totals over models, the number of events, and the breakdowns. */
  static final class Row {
    final long key;
    final long org;
    final LocalDate day;
    final long identityId;
    final double[] usage = new double[UsageField.count()];
    long events;
    final DayDetail detail = new DayDetail();

    /** True when the row says anything: a total or an event count that is not 0, or a breakdown. */
    boolean holdsData() {
      for (double v : usage) {
        if (v != 0) {
          return true;
        }
      }
      return events != 0 || !detail.isEmpty();
    }

    Row(long org, LocalDate day, long identityId) {
      this.key = DayKey.of(day, identityId);
      this.org = org;
      this.day = day;
      this.identityId = identityId;
    }
  }

  private final TreeMap<Long, Row> rows = new TreeMap<>();

  /** Adds to a usage total and, for a point that names its model, to that model's figures. */
  void addUsage(long org, LocalDate day, long identityId, String model, UsageField field, double increment) {
    Row r = row(org, day, identityId);
    r.usage[field.ordinal()] = Plausibility.sum(r.usage[field.ordinal()], increment);
    if (!model.isEmpty()) {
      r.detail.addModel(model, field, increment);
    }
  }

  void addDecision(long org, LocalDate day, long identityId, DayDetail.Decision decision, double increment) {
    row(org, day, identityId).detail.addDecision(decision, increment);
  }

  void addEvents(long org, LocalDate day, long identityId, String name, long n) {
    Row r = row(org, day, identityId);
    r.events = Plausibility.sum(r.events, n);
    r.detail.addEvents(name, n);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The row of {@code key}, or null when nothing was added to it. */
  Row get(long key) {
    return rows.get(key);
  }

  /** The rows in key order: the order every server locks them in. */
  Collection<Row> rows() {
    return rows.values();
  }

  private Row row(long org, LocalDate day, long identityId) {
    // an identity belongs to one organization, so its key alone names the row
    return rows.computeIfAbsent(DayKey.of(day, identityId), k -> new Row(org, day, identityId));
  }
}
