package dev.yardstick.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Conversions between epoch nanoseconds and the SQL time types. */
final class Times {
  private Times() {}

  static OffsetDateTime utc(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
        .atOffset(ZoneOffset.UTC);
  }

  static LocalDate day(long epochNanos, ZoneId zone) {
    if (zone == ZoneOffset.UTC || "UTC".equals(zone.getId())) {
      return LocalDate.ofEpochDay(Math.floorDiv(epochNanos, 86_400_000_000_000L));
    }
    return utc(epochNanos).atZoneSameInstant(zone).toLocalDate();
  }
}
