package dev.yardstick.model;

import java.time.LocalDate;

/**
 * One daily rollup row: an identity's counters for one model on one day (model "" for metrics
 * that carry none). {@code values} is indexed by {@link UsageField#ordinal()}.
 */
public record UsageRow(LocalDate day, long identityId, String model, double[] values) {
  public double get(UsageField f) {
    return values[f.ordinal()];
  }
}
