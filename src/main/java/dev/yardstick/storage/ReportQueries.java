package dev.yardstick.storage;

import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Read-side SQL for reports: rollups of one organization and window, and the identities they name. */
public final class ReportQueries {
  private static final String TOTALS = Stream.of(UsageField.values()).map(UsageField::column)
      .collect(Collectors.joining(", "));

  private final Database db;
  private final ReportCache cache;

  public ReportQueries(Database db) {
    this(db, null);
  }

  /** Reads day rows through {@code cache} (null: from the database every time). */
  public ReportQueries(Database db, ReportCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /**
   * Usage per day and identity, summed over models, for days {@code from..to} inclusive (days in the
   * organization's time zone): one day row each, found by its key's range. Model is "" in the rows.
   */
  public List<UsageRow> usageByDayAndIdentity(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? read(orgId, from, to) : cache.live(cache.usage, orgId, from, to, (f, t) -> read(orgId, f, t), UsageRow::day);
  }

  /**
   * What the rows of days {@code from..to} are now, to know an answer computed from them is still right; null without
   * a cache (nothing may then be kept).
   */
  public ReportCache.Stamp stamp(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? null : cache.stamp(orgId, from, to);
  }

  /** The effect on delivery's own reads, through the same cache. */
  public ImpactQueries impact() {
    return new ImpactQueries(db, cache);
  }

  /** The per-model and per-decision breakdowns, read through the same cache. */
  public BreakdownQueries breakdowns() {
    return new BreakdownQueries(db, cache);
  }

  private List<UsageRow> read(long orgId, LocalDate from, LocalDate to) {
    try (Connection c = db.connection(); PreparedStatement ps = dayRows(c, TOTALS, orgId, from, to)) {
      List<UsageRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double[] v = new double[UsageField.count()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(3 + i);
          }
          out.add(new UsageRow(Shared.day(rs.getObject(1, LocalDate.class)), rs.getLong(2), "", v));
        }
      }
      return out;
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }

  /** usage_day, identity_id and {@code columns} of the organization's day rows that hold data, found by their key's range. */
  static PreparedStatement dayRows(Connection c, String columns, long orgId, LocalDate from, LocalDate to) throws SQLException {
    PreparedStatement ps = c.prepareStatement("SELECT usage_day, identity_id, " + columns + " FROM identity_days"
        + " WHERE id BETWEEN ? AND ? AND org_id = ? AND usage_day BETWEEN ? AND ? AND " + IdentityDays.HOLDS_DATA);
    ps.setLong(1, DayKey.first(from));
    ps.setLong(2, DayKey.last(to));
    ps.setLong(3, orgId);
    ps.setObject(4, from);
    ps.setObject(5, to);
    return ps;
  }

  /** An organization's identities as read when it had {@code count} of them, the newest {@code maxId}. */
  private record Identities(long count, long maxId, Map<Long, Identity> byId) {}

  private final Map<Long, Identities> identities = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Every identity of the organization by id. With a cache, read again only when their number or newest id moved: the
   * columns read never change once a row exists (an identity is its key), rows only arrive or are erased.
   */
  public Map<Long, Identity> identities(long orgId) {
    if (cache == null) {
      return readIdentities(orgId);
    }
    long[] now = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM identities WHERE org_id = :org")
        .bind("org", orgId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    Identities held = identities.get(orgId);
    if (held == null || held.count() != now[0] || held.maxId() != now[1]) {
      held = new Identities(now[0], now[1], Map.copyOf(readIdentities(orgId)));
      identities.put(orgId, held);
    }
    return held.byId();
  }

  private Map<Long, Identity> readIdentities(long orgId) {
    Map<Long, Identity> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT id, email, header_email, service_name, account_uuid, account_id, user_id,"
            + " claude_org_id, personal_token FROM identities WHERE org_id = :org")
        .bind("org", orgId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), new Identity(rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }
}
