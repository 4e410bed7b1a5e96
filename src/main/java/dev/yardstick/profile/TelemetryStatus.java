package dev.yardstick.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What has arrived of one developer, resolved at read time (an identifier linked later counts at once).
 *
 * @param firstEventAt the earliest event or point time of their telemetry (the events' own clock); null when none
 * @param lastEventAt the latest such time; null when none
 * @param lastReceivedAt when this server last received their telemetry (its own clock); null when none
 * @param clientVersions Claude Code versions seen, most recently seen first
 * @param terminals terminals seen, most recently seen first
 * @param identifiedBy which path and identifier tied data to them
 */
public record TelemetryStatus(Instant firstEventAt, Instant lastEventAt, Instant lastReceivedAt, List<String> clientVersions,
    List<String> terminals, List<Identified> identifiedBy, AdminApi adminApi, Git git) {

  /** Paths data arrives by. */
  public static final String TELEMETRY = "telemetry";
  public static final String ADMIN_API = "admin-api";
  public static final String GIT = "git";

  /**
   * One identifier that tied data to the developer.
   *
   * @param kind the alias kind (email, account_uuid, service_name, api_key_name, git_email, ...)
   * @param attribute where it was read (user.email, the X-Yardstick-User-Email header, service.name, ...), null when only one place exists
   * @param firstSeen an ISO-8601 instant, or for the Admin API (daily data) a date
   */
  public record Identified(String path, String kind, String attribute, String value, String firstSeen, String lastSeen) {}

  /** Days of Admin API data; dates are UTC days as the API reports them. */
  public record AdminApi(long days, LocalDate firstDay, LocalDate lastDay) {}

  /** Non-merge commits whose author email resolves to the developer, by author time. */
  public record Git(long commits, Instant firstAt, Instant lastAt) {}

  public boolean nothing() {
    return firstEventAt == null && adminApi.days() == 0 && git.commits() == 0;
  }
}
