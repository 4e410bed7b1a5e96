package dev.yardstick.metrics;

import java.util.Locale;

/** Which source a report's usage figures come from; MERGED applies the no-double-counting rule. */
public enum UsageSource {
  MERGED,
  TELEMETRY,
  ADMIN_API;

  public static UsageSource parse(String s) {
    if (s == null || s.isBlank()) {
      return MERGED;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "merged" -> MERGED;
      case "telemetry", "otel" -> TELEMETRY;
      case "admin_api", "admin" -> ADMIN_API;
      default -> throw new IllegalArgumentException("source must be one of merged, telemetry, admin_api (got \"" + s + "\")");
    };
  }
}
