package dev.yardstick.storage;

/**
 * The running state of one cumulative series and the rule that turns its next point into an
 * increment (OTLP data model, reset detection): never sum running totals, never go negative.
 *
 * @param startNanos start of the current run; -1 when the series has no state yet
 */
record CumulativeState(long startNanos, long timeNanos, double value) {
  static final CumulativeState NONE = new CumulativeState(-1, -1, 0);

  /** The increment a point adds, the span it covers in nanoseconds (for its plausibility), and the state after it. */
  record Step(double increment, long covered, CumulativeState next) {}

  Step apply(long start, long time, double v) {
    boolean knownStart = start > 0 && start < time;
    if (startNanos < 0) {
      // first sight: a known start means the total is all increase since then; otherwise it is a baseline
      return new Step(knownStart ? v : 0, time - start, new CumulativeState(start, time, v));
    }
    if (start == startNanos) {
      if (time <= timeNanos) {
        return new Step(0, 0, this); // a repeat or a late point of this run: already counted
      }
      // a drop within one run breaks the single-writer rule; count the new total as a fresh run
      return v >= value ? new Step(v - value, time - timeNanos, new CumulativeState(start, time, v))
          : new Step(v, time - start, new CumulativeState(start, time, v));
    }
    if (start < startNanos || time <= timeNanos) {
      return new Step(0, 0, this); // a point of an earlier run arriving late
    }
    // a new run (restart or state loss): its total is new increase if it has a real start
    return new Step(knownStart ? v : 0, time - start, new CumulativeState(start, time, v));
  }
}
