package dev.yardstick.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The in-process server's clock, set to each simulated day in turn (plausibility keeps only 30 days back). */
public final class DemoClock extends Clock {
  private volatile Instant now;

  public DemoClock(Instant start) {
    this.now = start;
  }

  public void set(Instant t) {
    now = t;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the demo clock is UTC");
  }
}
