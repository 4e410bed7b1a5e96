package dev.yardstick.web.pages;

import dev.yardstick.profile.TelemetryStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the profile template shows, already in words.
 *
 * @param since the render time the live check polls from (ISO-8601)
 */
public record ProfileView(long id, String name, String email, String team, List<String> managers, List<TeamLine> history,
    List<String> aliases, TelemetryStatus status, String since) {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** One membership: from/to are dates or words ("the start of their data", "now"). */
  public record TeamLine(String team, String from, String to) {}

  public static String when(Instant t) {
    return t == null ? "never" : WHEN.format(t);
  }

  public static String list(List<String> values) {
    return values.isEmpty() ? "none seen" : String.join(", ", values);
  }

  public String liveUrl() {
    return "/developers/" + id + "/telemetry/live?since=" + since;
  }
}
