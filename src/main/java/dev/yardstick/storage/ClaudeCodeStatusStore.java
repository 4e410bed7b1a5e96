package dev.yardstick.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The status line of each path on Integrations > Claude Code: three aggregate queries, each on one org's rows. */
public final class ClaudeCodeStatusStore {
  private final Database db;

  public ClaudeCodeStatusStore(Database db) {
    this.db = db;
  }

  /** @param lastDataAt when any active ingest token last brought data (null: never) */
  public record Tokens(int active, Instant lastDataAt) {}

  /** @param seen distinct identities seen since the given time; with an email (Path 2) or only a header/service name (Path 3) */
  public record Senders(int withEmail, int withoutEmail, Instant lastSeen) {}

  public Tokens tokens(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*), MAX(last_used_at) FROM ingest_tokens"
            + " WHERE org_id = :org AND revoked_at IS NULL")
        .bind("org", orgId)
        .map((rs, ctx) -> new Tokens(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class))))
        .one());
  }

  public Senders senders(long orgId, Instant since) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT LOWER(email)),"
            + " COUNT(DISTINCT CASE WHEN email IS NULL THEN LOWER(COALESCE(header_email, service_name)) END), MAX(last_seen)"
            + " FROM identities WHERE org_id = :org AND last_seen >= :since")
        .bind("org", orgId).bind("since", since.atOffset(ZoneOffset.UTC))
        .map((rs, ctx) -> new Senders(rs.getInt(1), rs.getInt(2), instant(rs.getObject(3, OffsetDateTime.class))))
        .one());
  }

  /** Distinct Admin API actors (users or API keys) on days from {@code from} on. */
  public int adminApiActors(long orgId, LocalDate from) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT actor) FROM anthropic_activity"
            + " WHERE org_id = :org AND usage_day >= :from")
        .bind("org", orgId).bind("from", from)
        .mapTo(Integer.class).one());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
