package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsageRow;
import dev.yardstick.model.UsageField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-side SQL over the Admin API's usage: per actor and day for reports, and the actors seen. */
public final class AdminUsageQueries {
  private static final UsageField[] FIELDS = {UsageField.SESSIONS, UsageField.LINES_ADDED, UsageField.LINES_REMOVED,
      UsageField.EDITS_ACCEPTED, UsageField.EDITS_REJECTED, UsageField.COMMITS, UsageField.PULL_REQUESTS,
      UsageField.TOKENS_INPUT, UsageField.TOKENS_OUTPUT, UsageField.TOKENS_CACHE_READ, UsageField.TOKENS_CACHE_CREATION,
      UsageField.COST_USD};

  private final Database db;
  private final ReportCache cache;

  public AdminUsageQueries(Database db) {
    this(db, null);
  }

  /** Reads day rows through {@code cache} (null: from the database every time). */
  public AdminUsageQueries(Database db, ReportCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /** An actor as the unmatched queue shows it. */
  public record Actor(ActorType type, String actor, Instant firstSeen, Instant lastSeen, long sessions, String terminal) {}

  public List<AdminUsageRow> usageByDayAndActor(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? read(orgId, from, to)
        : cache.versioned(cache.admin, DataVersion.Kind.ADMIN, orgId, from, to, (f, t) -> read(orgId, f, t), AdminUsageRow::day);
  }

  private List<AdminUsageRow> read(long orgId, LocalDate from, LocalDate to) {
    Map<List<Object>, double[]> rows = new LinkedHashMap<>();
    db.jdbi().useHandle(h -> {
      h.createQuery("SELECT usage_day, actor_type, actor, SUM(sessions), SUM(lines_added), SUM(lines_removed),"
              + " SUM(edits_accepted), SUM(edits_rejected), SUM(commits), SUM(pull_requests), SUM(tokens_input),"
              + " SUM(tokens_output), SUM(tokens_cache_read), SUM(tokens_cache_creation), SUM(cost_usd) FROM anthropic_activity"
              + " WHERE org_id = :org AND usage_day BETWEEN :from AND :to GROUP BY usage_day, actor_type, actor")
          .bind("org", orgId).bind("from", from).bind("to", to)
          .map((rs, ctx) -> {
            double[] v = values(rows, Shared.day(rs.getObject(1, LocalDate.class)), rs.getString(2), Shared.text(rs.getString(3)));
            for (int i = 0; i < FIELDS.length; i++) {
              v[FIELDS[i].ordinal()] += rs.getDouble(4 + i);
            }
            return 0;
          }).list();
    });
    List<AdminUsageRow> out = new ArrayList<>(rows.size());
    rows.forEach((k, v) -> out.add(new AdminUsageRow((LocalDate) k.get(0), ActorType.valueOf((String) k.get(1)),
        (String) k.get(2), v)));
    return out;
  }

  private static double[] values(Map<List<Object>, double[]> rows, LocalDate day, String type, String actor) {
    return rows.computeIfAbsent(List.of(day, type, actor), k -> new double[UsageField.count()]);
  }

  /** Every actor the organization's Admin API data names, with when and how much. */
  public List<Actor> actors(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT actor_type, actor, MIN(usage_day), MAX(usage_day), SUM(sessions),"
            + " MAX(terminal_type) FROM anthropic_activity WHERE org_id = :org GROUP BY actor_type, actor")
        .bind("org", orgId)
        .map((rs, ctx) -> new Actor(ActorType.valueOf(rs.getString(1)), rs.getString(2), start(rs.getObject(3, LocalDate.class)),
            start(rs.getObject(4, LocalDate.class)).plusSeconds(86_399), rs.getLong(5), rs.getString(6)))
        .list());
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
