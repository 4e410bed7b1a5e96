package dev.yardstick.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ingest and API tokens. Secrets are never stored: only their SHA-256, as lower-case hex. */
public final class TokenStore {
  private final Database db;

  public TokenStore(Database db) {
    this.db = db;
  }

  /**
   * A listed ingest token, without its secret.
   *
   * @param expiresAt when it stops working (the end of a rotation's grace period), or null
   * @param replaces the token a rotation made this one to replace, or null; {@code replacedBy} the other way
   * @param developerId the owner of a personal token, or null for an organization token
   */
  public record IngestTokenInfo(String id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
      Instant revokedAt, String replaces, String replacedBy, Long developerId) {}

  /** What verifying an ingest token needs; {@code developerId} is the owner of a personal token, else null. */
  public record IngestTokenSecret(String id, long orgId, String secretSha256, boolean revoked, Instant expiresAt,
      Long developerId) {
    /** A rotated token stops at the end of its grace period. */
    public boolean expiredAt(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }
  }

  private static final String INFO_COLUMNS = "t.id, t.name, t.created_at, t.last_used_at, t.expires_at, t.revoked_at, t.replaces,"
      + " (SELECT MIN(n.id) FROM ingest_tokens n WHERE n.replaces = t.id), t.developer_id";

  /** What verifying an API token needs; {@code userId} is null for organization (admin) tokens. */
  public record ApiTokenRecord(long id, long orgId, String name, String role, boolean revoked, Long userId) {}

  /** A listed personal API token, without its secret. */
  public record ApiTokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {}

  public void createIngestToken(long orgId, String id, String name, String secretSha256, Instant now) {
    createIngestToken(orgId, null, id, name, secretSha256, now);
  }

  /** @param developerId the owner of a personal token, or null for an organization token */
  public void createIngestToken(long orgId, Long developerId, String id, String name, String secretSha256, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO ingest_tokens (id, org_id, name, secret_sha256, created_at, developer_id)"
            + " VALUES (:id, :org, :name, :hash, :now, :dev)")
        .bind("id", id).bind("org", orgId).bind("name", name).bind("hash", secretSha256).bind("now", utc(now))
        .bind("dev", developerId).execute());
  }

  /** Every ingest token of the organization, revoked and expired ones too, oldest first. */
  public List<IngestTokenInfo> listIngestTokens(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + INFO_COLUMNS + " FROM ingest_tokens t"
            + " WHERE t.org_id = :org ORDER BY t.created_at, t.id")
        .bind("org", orgId).map((rs, ctx) -> info(rs)).list());
  }

  /** A developer's personal ingest tokens, revoked and expired ones too, oldest first. */
  public List<IngestTokenInfo> personalIngestTokens(long orgId, long developerId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + INFO_COLUMNS + " FROM ingest_tokens t"
            + " WHERE t.org_id = :org AND t.developer_id = :dev ORDER BY t.created_at, t.id")
        .bind("org", orgId).bind("dev", developerId).map((rs, ctx) -> info(rs)).list());
  }

  public Optional<IngestTokenInfo> ingestToken(long orgId, String id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + INFO_COLUMNS + " FROM ingest_tokens t"
            + " WHERE t.org_id = :org AND t.id = :id")
        .bind("org", orgId).bind("id", id).map((rs, ctx) -> info(rs)).findOne());
  }

  private static IngestTokenInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new IngestTokenInfo(rs.getString(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
        instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class));
  }

  /**
   * Rotates {@code oldId}: a new token with the same name and owner replaces it, and the old one stops at
   * {@code oldStops} (never later than it would have). False, with nothing changed, unless the old token is
   * live (not revoked, not expired at {@code now}) and not replaced already.
   */
  public boolean rotateIngestToken(long orgId, String oldId, String newId, String secretSha256, Instant now, Instant oldStops) {
    return db.jdbi().inTransaction(h -> {
      int changed = h.createUpdate("UPDATE ingest_tokens SET expires_at = :stops WHERE id = :id AND org_id = :org"
              + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)"
              + " AND NOT EXISTS (SELECT 1 FROM ingest_tokens n WHERE n.replaces = :id)")
          .bind("stops", utc(oldStops)).bind("id", oldId).bind("org", orgId).bind("now", utc(now)).execute();
      if (changed != 1) {
        return false;
      }
      h.createUpdate("INSERT INTO ingest_tokens (id, org_id, name, secret_sha256, created_at, developer_id, replaces)"
              + " SELECT :new, org_id, name, :hash, :now, developer_id, id FROM ingest_tokens WHERE id = :id")
          .bind("new", newId).bind("hash", secretSha256).bind("now", utc(now)).bind("id", oldId).execute();
      return true;
    });
  }

  /** Token id → the identities that sent data with it (for the developers seen per token, resolved by the caller). */
  public Map<String, List<dev.yardstick.model.Identity>> tokenIdentities(long orgId) {
    Map<String, List<dev.yardstick.model.Identity>> out = new java.util.HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT s.token_id, i.email, i.header_email, i.service_name, i.account_uuid,"
            + " i.account_id, i.user_id, i.claude_org_id, i.personal_token FROM ingest_token_identities s"
            + " JOIN identities i ON i.id = s.identity_id WHERE s.org_id = :org")
        .bind("org", orgId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), new dev.yardstick.model.Identity(rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
    return out;
  }

  /** The name of every ingest token the organization ever had, revoked ones too, by id. */
  public Map<String, String> ingestTokenNames(long orgId) {
    Map<String, String> out = new java.util.HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT id, name FROM ingest_tokens WHERE org_id = :org").bind("org", orgId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Revokes the token if it belongs to {@code orgId}; false when there is no such live token. */
  public boolean revokeIngestToken(long orgId, String id, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE ingest_tokens SET revoked_at = :now"
            + " WHERE id = :id AND org_id = :org AND revoked_at IS NULL")
        .bind("now", utc(now)).bind("id", id).bind("org", orgId).execute()) == 1;
  }

  public Optional<IngestTokenSecret> findIngestToken(String id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, org_id, secret_sha256, revoked_at, expires_at, developer_id"
            + " FROM ingest_tokens WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new IngestTokenSecret(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4) != null,
            instant(rs.getObject(5, OffsetDateTime.class)), (Long) rs.getObject(6, Long.class)))
        .findOne());
  }

  public void touchIngestTokens(Map<String, Instant> lastUsed) {
    db.jdbi().useTransaction(h -> {
      var batch = h.prepareBatch("UPDATE ingest_tokens SET last_used_at = :t WHERE id = :id"
          + " AND (last_used_at IS NULL OR last_used_at < :t)");
      lastUsed.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> batch.bind("t", utc(e.getValue())).bind("id", e.getKey()).add());
      batch.execute();
    });
  }

  /** Stores an API token unless one with the same hash exists (bootstrap runs at every start). */
  public void createApiTokenIfAbsent(long orgId, String name, String tokenSha256, String role, Instant now) {
    String sql = db.dialect().insertIfAbsent("api_tokens", List.of("token_sha256"),
        List.of("org_id", "name", "token_sha256", "role", "created_at"),
        List.of("BIGINT", "VARCHAR(200)", "VARCHAR(64)", "VARCHAR(20)", "TIMESTAMP WITH TIME ZONE"));
    db.jdbi().useHandle(h -> h.createUpdate(sql)
        .bind(0, orgId).bind(1, name).bind(2, tokenSha256).bind(3, role).bind(4, utc(now)).execute());
  }

  public Optional<ApiTokenRecord> findApiToken(String tokenSha256) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, org_id, name, role, revoked_at, user_id FROM api_tokens"
            + " WHERE token_sha256 = :hash")
        .bind("hash", tokenSha256)
        .map((rs, ctx) -> new ApiTokenRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5) != null,
            (Long) rs.getObject(6, Long.class)))
        .findOne());
  }

  /** A personal token of a user: it acts with the user's role. */
  public long createPersonalToken(long orgId, long userId, String name, String tokenSha256, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO api_tokens (org_id, name, token_sha256, role, user_id, created_at)"
            + " VALUES (:org, :name, :hash, 'user', :user, :now)")
        .bind("org", orgId).bind("name", name).bind("hash", tokenSha256).bind("user", userId).bind("now", utc(now))
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  public List<ApiTokenInfo> personalTokens(long orgId, long userId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, name, created_at, last_used_at FROM api_tokens"
            + " WHERE org_id = :org AND user_id = :user AND revoked_at IS NULL ORDER BY id")
        .bind("org", orgId).bind("user", userId)
        .map((rs, ctx) -> new ApiTokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
            instant(rs.getObject(4, OffsetDateTime.class))))
        .list());
  }

  public boolean revokePersonalToken(long orgId, long userId, long id, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND org_id = :org"
            + " AND user_id = :user AND revoked_at IS NULL")
        .bind("now", utc(now)).bind("id", id).bind("org", orgId).bind("user", userId).execute()) == 1;
  }

  public void touchApiTokens(Map<Long, Instant> lastUsed) {
    db.jdbi().useTransaction(h -> {
      var batch = h.prepareBatch("UPDATE api_tokens SET last_used_at = :t WHERE id = :id"
          + " AND (last_used_at IS NULL OR last_used_at < :t)");
      lastUsed.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> batch.bind("t", utc(e.getValue())).bind("id", e.getKey()).add());
      batch.execute();
    });
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
