package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.Plausibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import java.sql.SQLException;

/** The Admin API integration of each organization and the usage it brought, one UTC day at a time. */
public final class AnthropicStore {
  private final Database db;

  public AnthropicStore(Database db) {
    this.db = db;
  }

  /** An organization's integration; the key stays sealed here. */
  public record Integration(long orgId, String keySealed, String keyLast4, LocalDate backfillFrom, LocalDate nextDay,
      Instant lastRepollAt, Instant lastSyncAt, String lastError, Instant lastErrorAt) {}

  /**
   * Saves the key and the backfill start. A new start date restarts the backfill there; the same
   * date keeps the position reached, so saving a rotated key does not fetch history again.
   */
  public void save(long orgId, String keySealed, String keyLast4, LocalDate backfillFrom, Instant now) {
    db.jdbi().useTransaction(h -> {
      Optional<LocalDate> stored = h.createQuery("SELECT backfill_from FROM anthropic_integrations WHERE org_id = :org")
          .bind("org", orgId).mapTo(LocalDate.class).findOne();
      if (stored.isEmpty()) {
        h.createUpdate("INSERT INTO anthropic_integrations (org_id, key_sealed, key_last4, backfill_from, next_day, updated_at)"
                + " VALUES (:org, :key, :last4, :from, :from, :now)")
            .bind("org", orgId).bind("key", keySealed).bind("last4", keyLast4).bind("from", backfillFrom).bind("now", utc(now))
            .execute();
      } else {
        boolean restart = !stored.get().equals(backfillFrom);
        h.createUpdate("UPDATE anthropic_integrations SET key_sealed = :key, key_last4 = :last4, backfill_from = :from,"
                + (restart ? " next_day = :from, last_repoll_at = NULL," : "") + " last_error = NULL, last_error_at = NULL,"
                + " updated_at = :now WHERE org_id = :org")
            .bind("org", orgId).bind("key", keySealed).bind("last4", keyLast4).bind("from", backfillFrom).bind("now", utc(now))
            .execute();
      }
    });
  }

  public Optional<Integration> find(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT org_id, key_sealed, key_last4, backfill_from, next_day,"
            + " last_repoll_at, last_sync_at, last_error, last_error_at FROM anthropic_integrations WHERE org_id = :org")
        .bind("org", orgId)
        .map((rs, ctx) -> new Integration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
            rs.getObject(5, LocalDate.class), instant(rs.getObject(6, OffsetDateTime.class)),
            instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), instant(rs.getObject(9, OffsetDateTime.class))))
        .findOne());
  }

  public List<Long> integratedOrgs() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT org_id FROM anthropic_integrations ORDER BY org_id")
        .mapTo(Long.class).list());
  }

  /** Forgets the key; the usage already fetched stays. */
  public boolean delete(long orgId) {
    return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM anthropic_integrations WHERE org_id = :org")
        .bind("org", orgId).execute()) == 1;
  }

  /**
   * Takes the organization's sync lease unless another process (or thread) holds a live one, so two
   * servers on one database never write the same day at once.
   */
  public boolean tryLease(long orgId, Instant now, Instant until) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE anthropic_integrations SET lease_until = :until"
            + " WHERE org_id = :org AND (lease_until IS NULL OR lease_until < :now)")
        .bind("until", utc(until)).bind("org", orgId).bind("now", utc(now)).execute()) == 1;
  }

  public void extendLease(long orgId, Instant until) {
    update("UPDATE anthropic_integrations SET lease_until = :t WHERE org_id = :org", orgId, until);
  }

  public void releaseLease(long orgId) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE anthropic_integrations SET lease_until = NULL WHERE org_id = :org")
        .bind("org", orgId).execute());
  }

  /**
   * Replaces every row of the day with {@code rows} in one transaction: a re-poll replaces, never adds.
   * Actors whose rows of the day an admin removed are left out.
   */
  public void replaceDay(long orgId, LocalDate day, Collection<AdminUsage> rows) {
    try {
      replace(orgId, day, rows);
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }

  private void replace(long orgId, LocalDate day, Collection<AdminUsage> rows) throws SQLException {
    db.jdbi().useTransaction(h -> {
      // a removal of Admin API rows takes the same lock: it sees this day's rows before or after, never half
      h.createQuery("SELECT org_id FROM anthropic_integrations WHERE org_id = :org FOR UPDATE").bind("org", orgId)
          .mapTo(Long.class).findOne();
      Set<List<String>> removed = h.createQuery("SELECT actor_type, actor FROM removed_admin_usage"
              + " WHERE org_id = :org AND usage_day = :day").bind("org", orgId).bind("day", day)
          .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2))).collect(Collectors.toSet());
      List<Object[]> values = values(orgId, removed.isEmpty() ? rows
          : rows.stream().filter(r -> !removed.contains(List.of(r.actorType().name(), r.actor()))).toList());
      if (DayRowsText.same(stored(h, orgId, day), values)) {
        return; // the hourly re-poll mostly finds a day as it was: nothing written, no report cache dropped
      }
      h.createUpdate("DELETE FROM anthropic_activity WHERE org_id = :org AND usage_day = :day")
          .bind("org", orgId).bind("day", day).execute();
      MultiRowInsert.insert(h.getConnection(), "anthropic_activity", COLUMNS, values);
      DataVersion.bump(h, orgId, DataVersion.Kind.ADMIN);
    });
  }

  private static final List<String> COLUMNS = List.of("org_id", "usage_day", "actor_type", "actor", "terminal_type",
      "is_remote", "customer_type", "sessions", "lines_added", "lines_removed", "commits", "pull_requests", "edits_accepted",
      "edits_rejected", "tokens_input", "tokens_output", "tokens_cache_read", "tokens_cache_creation", "cost_usd",
      "tool_actions", "models");

  /** The day's stored rows, column by column as {@link #COLUMNS} names them. */
  private static List<Object[]> stored(Handle h, long orgId, LocalDate day) {
    return h.createQuery("SELECT " + String.join(", ", COLUMNS) + " FROM anthropic_activity WHERE org_id = :org AND usage_day = :day")
        .bind("org", orgId).bind("day", day).map((rs, ctx) -> {
          Object[] row = new Object[COLUMNS.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          return row;
        }).list();
  }

  // rows for plain JDBC, many a statement: a year of a thousand actors is over half a million rows
  private static List<Object[]> values(long orgId, Collection<AdminUsage> rows) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (AdminUsage r : rows) {
      long[] tokens = new long[4];
      double cost = 0;
      for (ModelUsage m : r.models()) {
        tokens[0] = Plausibility.sum(tokens[0], m.input()); // bounded per row at ingest; a sum never wraps
        tokens[1] = Plausibility.sum(tokens[1], m.output());
        tokens[2] = Plausibility.sum(tokens[2], m.cacheRead());
        tokens[3] = Plausibility.sum(tokens[3], m.cacheCreation());
        cost = Plausibility.sum(cost, m.costUsd());
      }
      values.add(new Object[] {orgId, r.day(), r.actorType().name(), r.actor(), r.terminalType(), r.remote(), r.customerType(),
          r.sessions(), r.linesAdded(), r.linesRemoved(), r.commits(), r.pullRequests(), r.editsAccepted(), r.editsRejected(),
          tokens[0], tokens[1], tokens[2], tokens[3], cost, ToolActionsText.encode(r.toolActions()), ModelsText.encode(r.models())});
    }
    return values;
  }

  /** The backfill reached {@code nextDay}: days before it are stored. */
  public void advance(long orgId, LocalDate nextDay, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE anthropic_integrations SET next_day = :day, last_sync_at = :now,"
            + " last_error = NULL, last_error_at = NULL WHERE org_id = :org AND next_day < :day")
        .bind("day", nextDay).bind("now", utc(now)).bind("org", orgId).execute());
  }

  public void synced(long orgId, Instant now, boolean repoll) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE anthropic_integrations SET last_sync_at = :now, last_error = NULL,"
            + " last_error_at = NULL" + (repoll ? ", last_repoll_at = :now" : "") + " WHERE org_id = :org")
        .bind("now", utc(now)).bind("org", orgId).execute());
  }

  public void failed(long orgId, String error, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE anthropic_integrations SET last_error = :e, last_error_at = :now"
            + " WHERE org_id = :org")
        .bind("e", error.length() > 1000 ? error.substring(0, 1000) : error).bind("now", utc(now)).bind("org", orgId).execute());
  }

  private void update(String sql, long orgId, Instant t) {
    db.jdbi().useHandle(h -> h.createUpdate(sql).bind("t", utc(t)).bind("org", orgId).execute());
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
