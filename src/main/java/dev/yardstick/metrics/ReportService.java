package dev.yardstick.metrics;

import dev.yardstick.model.Identity;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.ReportQueries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Builds reports from the daily rollups; never reads raw facts. */
public final class ReportService {
  /** Longest window one report covers, to bound what a single request reads. */
  static final int MAX_DAYS = 3 * 366;

  private final ReportQueries queries;
  private final OrgStore orgs;

  public ReportService(ReportQueries queries, OrgStore orgs) {
    this.queries = queries;
    this.orgs = orgs;
  }

  /** Throws IllegalArgumentException for a window that is reversed or too long. */
  public Report report(long orgId, LocalDate from, LocalDate to, GroupBy groupBy) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
    }
    var rows = queries.usageByDayAndIdentity(orgId, from, to);
    Map<Long, Identity> identities = groupBy == GroupBy.DEVELOPER ? queries.identities(orgId) : Map.of();
    String orgName = groupBy == GroupBy.ORG ? orgs.name(orgId) : "";
    return new Report(from, to, groupBy, UsageReport.build(rows, groupBy, from, to,
        id -> identities.getOrDefault(id, Identity.UNKNOWN).bestKey(), orgName));
  }
}
