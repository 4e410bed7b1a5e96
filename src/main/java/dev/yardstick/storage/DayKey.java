package dev.yardstick.storage;

import java.time.LocalDate;

/**
 * The primary key of an identity's day row: the day in the high bits and the identity in the low
 * 40, so that one number identifies the row (H2 then stores the row under it, with no second index),
 * rows of a day sit together, and new days are appended at the end of the table.
 */
public final class DayKey {
  private static final int IDENTITY_BITS = 40;
  private static final long IDENTITY_MASK = (1L << IDENTITY_BITS) - 1;
  /** Days are counted from 1969-12-31: a time just after the epoch can fall on it west of UTC. */
  private static final long FIRST_DAY = -1;
  private static final long DAYS = 1L << (63 - IDENTITY_BITS);

  private DayKey() {}

  public static long of(LocalDate day, long identityId) {
    if (identityId < 0 || identityId > IDENTITY_MASK) {
      throw new IllegalArgumentException("identity id out of range: " + identityId);
    }
    return dayPart(day) | identityId;
  }

  /** False for a day no row can be kept for (ingest refused data on such days, so none has a row). */
  static boolean holds(LocalDate day) {
    long n = day.toEpochDay() - FIRST_DAY;
    return n >= 0 && n < DAYS;
  }

  /** The smallest key of {@code day}; a day before the first one has none, so its range starts at the first. */
  static long first(LocalDate day) {
    return Math.clamp(day.toEpochDay() - FIRST_DAY, 0, DAYS - 1) << IDENTITY_BITS;
  }

  /** The largest key of {@code day}. */
  static long last(LocalDate day) {
    return first(day) | IDENTITY_MASK;
  }

  private static long dayPart(LocalDate day) {
    long n = day.toEpochDay() - FIRST_DAY;
    if (n < 0 || n >= DAYS) {
      throw new IllegalArgumentException("day out of range: " + day);
    }
    return n << IDENTITY_BITS;
  }
}
