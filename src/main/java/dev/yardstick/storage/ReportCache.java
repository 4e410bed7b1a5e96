package dev.yardstick.storage;

import dev.yardstick.model.AdminUsageRow;
import dev.yardstick.model.UsageRow;
import dev.yardstick.model.Plausibility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The day rows reports read (telemetry, Admin API, git), kept in memory per day and organization so that a report
 * reads from the database only the days it has not read before and the days live ingest may still change. Every other
 * writer raises the organization's {@link DataVersion}; a reader that sees it move starts again. Rows are kept as
 * stored (identities, actors and emails, not developers), so editing people needs no invalidation.
 */
public final class ReportCache {
  /** Days ingest can still write: points up to MAX_AGE old, a day for the organization's zone, a day for clock skew. */
  static final int LIVE_DAYS = (int) Plausibility.MAX_AGE.toDays() + 2;

  private final Database db;
  private final OrgStore orgs;
  private final Clock clock;
  final DayRowCache<UsageRow> usage;
  final DayRowCache<AdminUsageRow> admin;
  final DayRowCache<GitQueries.AuthorDay> git;
  final DayRowCache<BreakdownQueries.Breakdown> telemetryBreakdowns;
  final DayRowCache<BreakdownQueries.Breakdown> adminBreakdowns;

  /** {@code maxRows}: the most rows of each kind one organization keeps. */
  public ReportCache(Database db, OrgStore orgs, Clock clock, long maxRows) {
    this.db = db;
    this.orgs = orgs;
    this.clock = clock;
    this.usage = new DayRowCache<>(maxRows);
    this.admin = new DayRowCache<>(maxRows);
    this.git = new DayRowCache<>(maxRows);
    this.telemetryBreakdowns = new DayRowCache<>(maxRows);
    this.adminBreakdowns = new DayRowCache<>(maxRows);
  }

  /** The first day live ingest may still change in the organization's zone. */
  LocalDate liveFrom(long org) {
    return today(org).minusDays(LIVE_DAYS);
  }

  private LocalDate today(long org) {
    return LocalDate.ofInstant(clock.instant(), orgs.zone(org));
  }

  long version(long org, DataVersion.Kind kind) {
    return DataVersion.read(db, org).of(kind);
  }

  /** What the data of days {@code from..to} is now: equal stamps, equal rows (telemetry, Admin API and git). */
  public record Stamp(long git, long admin, long telemetry, long liveRows, long liveRevisions) {}

  /**
   * The organization's data versions, and for days live ingest may still change, how many telemetry day rows they hold and
   * the sum of their revisions (every write to a row raises its revision; only a removal deletes, and it raises the version).
   */
  Stamp stamp(long org, LocalDate from, LocalDate to) {
    DataVersion.Versions v = DataVersion.read(db, org);
    LocalDate today = today(org);
    LocalDate liveFrom = today.minusDays(LIVE_DAYS);
    LocalDate last = today.plusDays(2); // ingest takes points up to a day ahead
    LocalDate a = from.isAfter(liveFrom) ? from : liveFrom;
    LocalDate b = to.isBefore(last) ? to : last;
    if (b.isBefore(a)) {
      return new Stamp(v.git(), v.admin(), v.telemetry(), 0, 0);
    }
    long[] live = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*), COALESCE(SUM(rev), 0) FROM identity_days"
            + " WHERE id BETWEEN :a AND :b AND org_id = :org")
        .bind("a", DayKey.first(a)).bind("b", DayKey.last(b)).bind("org", org)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    return new Stamp(v.git(), v.admin(), v.telemetry(), live[0], live[1]);
  }

  /** Telemetry day rows: days from LIVE_DAYS ago on are always read, ingest may still be adding to them. */
  <T> List<T> live(DayRowCache<T> cache, long org, LocalDate from, LocalDate to, BiFunction<LocalDate, LocalDate, List<T>> load,
      Function<T, LocalDate> dayOf) {
    return cache.read(org, version(org, DataVersion.Kind.TELEMETRY), from, to, liveFrom(org), load, dayOf);
  }

  /** Rows only writers that raise their kind's version change: every day is kept. */
  <T> List<T> versioned(DayRowCache<T> cache, DataVersion.Kind kind, long org, LocalDate from, LocalDate to,
      BiFunction<LocalDate, LocalDate, List<T>> load, Function<T, LocalDate> dayOf) {
    return cache.read(org, version(org, kind), from, to, LocalDate.MAX, load, dayOf);
  }
}
