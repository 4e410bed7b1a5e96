package dev.yardstick.storage;

import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Read-side SQL for reports: rollup rows of one organization and window, and the identities they name. */
public final class ReportQueries {
  private static final String SUMS = Stream.of(UsageField.values())
      .map(f -> "SUM(" + f.column() + ")").collect(Collectors.joining(", "));

  private final Database db;

  public ReportQueries(Database db) {
    this.db = db;
  }

  /**
   * Usage per day and identity, summed over models, for days {@code from..to} inclusive (days in the
   * organization's time zone, as the rollups were kept). Model is "" in the rows returned.
   */
  public List<UsageRow> usageByDayAndIdentity(long orgId, LocalDate from, LocalDate to) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT usage_day, identity_id, " + SUMS + " FROM usage_daily"
            + " WHERE org_id = :org AND usage_day BETWEEN :from AND :to GROUP BY usage_day, identity_id")
        .bind("org", orgId).bind("from", from).bind("to", to)
        .map((rs, ctx) -> {
          double[] v = new double[UsageField.count()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(3 + i);
          }
          return new UsageRow(rs.getObject(1, LocalDate.class), rs.getLong(2), "", v);
        })
        .list());
  }

  /** Every identity of the organization by id. */
  public Map<Long, Identity> identities(long orgId) {
    Map<Long, Identity> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT id, email, header_email, service_name, account_uuid, account_id, user_id,"
            + " claude_org_id FROM identities WHERE org_id = :org")
        .bind("org", orgId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), new Identity(rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }
}
