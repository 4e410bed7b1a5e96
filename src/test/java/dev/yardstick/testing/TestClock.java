package dev.yardstick.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of test servers: real time moved so that the test run starts at {@link #EPOCH}. Ingest
 * refuses points older than 30 days, and the tests' exports carry fixed dates (the captured Claude
 * Code session is of 2026-11-23), so the servers live just after them whatever day the suite runs.
 * It ticks like the real clock, and a test can move it forward.
 */
public final class TestClock extends Clock {
  /** The tests' "now" at the start of the run: a midnight, so that "today" stays the same through a run. */
  public static final Instant EPOCH = Instant.parse("2026-11-25T00:00:00Z");
  // one shift for the whole run: servers started at different moments agree on the time
  private static final Duration SHIFT = Duration.between(Instant.now(), EPOCH);

  private volatile Duration moved = Duration.ZERO;

  /** The tests' current time, as every new test server sees it. */
  public static Instant now() {
    return Instant.now().plus(SHIFT);
  }

  /** The tests' current UTC day. */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  /** Moves this clock (and the server that reads it) forward. */
  public void advance(Duration d) {
    moved = moved.plus(d);
  }

  @Override
  public Instant instant() {
    return now().plus(moved);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
