package dev.yardstick.metrics.adoption;

import java.time.LocalDate;

/**
 * A developer of the organization, known from {@code activeFrom} to {@code activeTo} (either null: open).
 */
public record KnownDeveloper(long id, LocalDate activeFrom, LocalDate activeTo) {
  public KnownDeveloper(long id) {
    this(id, null, null);
  }

  /** Days of {@code from..to} on which the developer is known (0 when none). */
  public int daysIn(LocalDate from, LocalDate to) {
    LocalDate a = activeFrom != null && activeFrom.isAfter(from) ? activeFrom : from;
    LocalDate b = activeTo != null && activeTo.isBefore(to) ? activeTo : to;
    return b.isBefore(a) ? 0 : (int) (b.toEpochDay() - a.toEpochDay() + 1);
  }
}
