package dev.yardstick.storage;

import dev.yardstick.model.AdminUsageRow;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.UsageRow;
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

  /** {@code maxRows}: the most rows of each kind one organization keeps. */
  public ReportCache(Database db, OrgStore orgs, Clock clock, long maxRows) {
    this.db = db;
    this.orgs = orgs;
    this.clock = clock;
    this.usage = new DayRowCache<>(maxRows);
    this.admin = new DayRowCache<>(maxRows);
    this.git = new DayRowCache<>(maxRows);
  }

  /** Telemetry day rows: days from LIVE_DAYS ago on are always read, ingest may still be adding to them. */
  List<UsageRow> usage(long org, LocalDate from, LocalDate to, BiFunction<LocalDate, LocalDate, List<UsageRow>> load) {
    LocalDate today = LocalDate.now(clock.withZone(orgs.zone(org)));
    return usage.read(org, DataVersion.read(db, org), from, to, today.minusDays(LIVE_DAYS), load, UsageRow::day);
  }

  /** Rows only writers that raise the data version change: every day is kept. */
  <T> List<T> versioned(DayRowCache<T> cache, long org, LocalDate from, LocalDate to,
      BiFunction<LocalDate, LocalDate, List<T>> load, Function<T, LocalDate> dayOf) {
    return cache.read(org, DataVersion.read(db, org), from, to, LocalDate.MAX, load, dayOf);
  }

  /** Forgets everything held (a change the data version does not count, such as a restored backup under a running server). */
  public void clear() {
    usage.clear();
    admin.clear();
    git.clear();
  }
}
