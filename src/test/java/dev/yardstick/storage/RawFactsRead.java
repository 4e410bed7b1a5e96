package dev.yardstick.storage;

import dev.yardstick.model.UsageRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * For the benchmark only: a window's usage per day and identity computed from the raw facts (every stored export
 * group, replayed as ingest adds them) instead of the daily rows, so the two reads can be timed against each other.
 */
public final class RawFactsRead {
  private RawFactsRead() {}

  /** The rows {@link ReportQueries#usageByDayAndIdentity} reads, from the facts; groups may start up to {@code span} days earlier. */
  public static List<UsageRow> usageByDayAndIdentity(Database db, long org, ZoneId zone, LocalDate from, LocalDate to, int span) {
    try (Connection c = db.connection()) {
      List<StoredFact> facts = FactQueries.read(c, FactQueries.target(org,
          new TelemetryRemoval.Filter(null, null, from.minusDays(span), to), zone));
      List<UsageRow> out = new ArrayList<>();
      for (DayRows.Row r : DayRebuild.rebuild(org, zone, facts).rows().rows()) {
        if (!r.day.isBefore(from) && !r.day.isAfter(to) && r.holdsData()) {
          out.add(new UsageRow(r.day, r.identityId, "", r.usage));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
