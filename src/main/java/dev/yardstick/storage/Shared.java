package dev.yardstick.storage;

import java.time.LocalDate;

/**
 * One instance of each value that many kept day rows repeat (a day, an author email, a tool, a model, a language):
 * the report cache holds hundreds of thousands of rows, and a copy per row made most of its memory.
 */
final class Shared {
  /** Days from 1970 to 2109, shared; others as given. */
  private static final LocalDate[] DAYS = new LocalDate[1 << 16];

  private Shared() {}

  static LocalDate day(LocalDate d) {
    if (d == null) {
      return null;
    }
    long i = d.toEpochDay();
    if (i < 0 || i >= DAYS.length) {
      return d;
    }
    LocalDate held = DAYS[(int) i];
    if (held == null) {
      DAYS[(int) i] = d; // a race writes an equal day: either instance is right
      return d;
    }
    return held;
  }

  /** The JVM's one copy of a string: the vocabulary (emails, tools, models, languages) is bounded by the organization. */
  static String text(String s) {
    return s == null ? null : s.intern();
  }
}
