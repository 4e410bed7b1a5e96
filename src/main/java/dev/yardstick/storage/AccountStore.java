package dev.yardstick.storage;

import dev.yardstick.model.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Accounts, their sessions, invitations and the first-start setup codes. Secrets only as hashes. */
public final class AccountStore {
  private final Database db;

  public AccountStore(Database db) {
    this.db = db;
  }

  /** An account; {@code developerId} ties a developer account to its developer row (may be null). */
  public record User(long id, long orgId, String email, String passwordHash, Role role, Long developerId, boolean disabled) {}

  /** A signed-in session's row. */
  public record Session(long userId, String csrfToken, Instant expiresAt) {}

  public record Invitation(long orgId, String email, Role role, Instant expiresAt, boolean used) {}

  /** Creates an account; throws IllegalArgumentException when the email has one. */
  public long createUser(long org, String email, String passwordHash, Role role, Long developerId, Instant now) {
    try {
      return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO users (org_id, email, password_hash, role, developer_id,"
              + " created_at, password_changed_at) VALUES (:org, :email, :hash, :role, :dev, :now, :now)")
          .bind("org", org).bind("email", email).bind("hash", passwordHash).bind("role", role.wire())
          .bind("dev", developerId).bind("now", utc(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    } catch (UnableToExecuteStatementException e) {
      throw new IllegalArgumentException("an account with email " + email + " exists");
    }
  }

  public Optional<User> userByEmail(String email) {
    return users("email = :v", email).stream().findFirst();
  }

  public Optional<User> user(long id) {
    return users("id = :v", id).stream().findFirst();
  }

  public List<User> users(long org) {
    return users("org_id = :v", org);
  }

  public boolean anyAdmin(long org) {
    return users(org).stream().anyMatch(u -> u.role() == Role.ADMIN && !u.disabled());
  }

  private List<User> users(String where, Object value) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT id, org_id, email, password_hash, role, developer_id, disabled_at"
            + " FROM users WHERE " + where + " ORDER BY id")
        .bind("v", value)
        .map((rs, ctx) -> new User(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Role.parse(rs.getString(5)),
            (Long) rs.getObject(6, Long.class), rs.getObject(7) != null))
        .list());
  }

  public void setPassword(long userId, String passwordHash, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
        .bind("hash", passwordHash).bind("now", utc(now)).bind("id", userId).execute());
  }

  public void createSession(String idSha256, long userId, String csrfToken, Instant now, Instant expires) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO user_sessions (id_sha256, user_id, csrf_token, created_at, expires_at)"
            + " VALUES (:id, :user, :csrf, :now, :exp)")
        .bind("id", idSha256).bind("user", userId).bind("csrf", csrfToken).bind("now", utc(now)).bind("exp", utc(expires)).execute());
  }

  public Optional<Session> session(String idSha256) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT user_id, csrf_token, expires_at FROM user_sessions WHERE id_sha256 = :id")
        .bind("id", idSha256)
        .map((rs, ctx) -> new Session(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
        .findOne());
  }

  public void deleteSession(String idSha256) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM user_sessions WHERE id_sha256 = :id").bind("id", idSha256).execute());
  }

  /** Ends every session of a user but one (after a password change), or all of them ({@code keep} null). */
  public void deleteSessions(long userId, String keepSha256) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM user_sessions WHERE user_id = :user AND id_sha256 <> :keep")
        .bind("user", userId).bind("keep", keepSha256 == null ? "" : keepSha256).execute());
  }

  public void deleteExpiredSessions(Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM user_sessions WHERE expires_at < :now").bind("now", utc(now)).execute());
  }

  public void createInvitation(String tokenSha256, long org, String email, Role role, Long createdBy, Instant now, Instant expires) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO invitations (token_sha256, org_id, email, role, created_by, created_at,"
            + " expires_at) VALUES (:t, :org, :email, :role, :by, :now, :exp)")
        .bind("t", tokenSha256).bind("org", org).bind("email", email).bind("role", role.wire()).bind("by", createdBy)
        .bind("now", utc(now)).bind("exp", utc(expires)).execute());
  }

  public Optional<Invitation> invitation(String tokenSha256) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT org_id, email, role, expires_at, used_at FROM invitations"
            + " WHERE token_sha256 = :t")
        .bind("t", tokenSha256)
        .map((rs, ctx) -> new Invitation(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)),
            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5) != null))
        .findOne());
  }

  /** Marks an invitation used; false if it already was (two people raced for one link). */
  public boolean useInvitation(String tokenSha256, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE invitations SET used_at = :now WHERE token_sha256 = :t AND used_at IS NULL")
        .bind("now", utc(now)).bind("t", tokenSha256).execute()) == 1;
  }

  public void createSetupCode(long org, String codeSha256, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO setup_codes (org_id, code_sha256, created_at) VALUES (:org, :c, :now)")
        .bind("org", org).bind("c", codeSha256).bind("now", utc(now)).execute());
  }

  /** Forgets the organization's setup codes: it has an admin. */
  public void deleteSetupCodes(long org) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM setup_codes WHERE org_id = :org").bind("org", org).execute());
  }

  /** Forgets the setup codes that expired (created before {@code t}). */
  public void deleteSetupCodesBefore(Instant t) {
    db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM setup_codes WHERE created_at < :t").bind("t", utc(t)).execute());
  }

  /** Whether some organization was given a setup code and still has no admin (the /setup page is open). */
  public boolean awaitingSetup() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM setup_codes s WHERE NOT EXISTS (" + ADMIN_OF_S + ")")
        .mapTo(Long.class).one()) > 0;
  }

  private static final String ADMIN_OF_S = "SELECT 1 FROM users u WHERE u.org_id = s.org_id AND u.role = 'admin'"
      + " AND u.disabled_at IS NULL";

  /** What became of a setup attempt. */
  public enum SetupOutcome { CREATED, WRONG_CODE, EXPIRED_CODE, ALREADY_SET_UP, EMAIL_TAKEN }

  /** The outcome, and the new admin's id when created. */
  public record FirstAdmin(SetupOutcome outcome, long userId) {}

  /**
   * Creates the organization's first admin with a setup code made at or after {@code validFrom}, and
   * retires every setup code of the organization. The organization's row is locked first, so of
   * setups racing on any number of servers exactly one creates an admin; the others find it.
   */
  public FirstAdmin createFirstAdmin(String codeSha256, Instant validFrom, String email, String passwordHash, Instant now) {
    return db.jdbi().inTransaction(h -> {
      Optional<Long> org = h.createQuery("SELECT org_id FROM setup_codes WHERE code_sha256 = :c").bind("c", codeSha256)
          .mapTo(Long.class).findOne();
      if (org.isEmpty()) {
        return new FirstAdmin(SetupOutcome.WRONG_CODE, 0);
      }
      h.createQuery("SELECT id FROM orgs WHERE id = :org FOR UPDATE").bind("org", org.get()).mapTo(Long.class).one();
      boolean hasAdmin = h.createQuery("SELECT COUNT(*) FROM users WHERE org_id = :org AND role = 'admin' AND disabled_at IS NULL")
          .bind("org", org.get()).mapTo(Long.class).one() > 0;
      if (hasAdmin) {
        h.createUpdate("DELETE FROM setup_codes WHERE org_id = :org").bind("org", org.get()).execute();
        return new FirstAdmin(SetupOutcome.ALREADY_SET_UP, 0);
      }
      Optional<OffsetDateTime> created = h.createQuery("SELECT created_at FROM setup_codes WHERE code_sha256 = :c")
          .bind("c", codeSha256).mapTo(OffsetDateTime.class).findOne();
      if (created.isEmpty()) {
        return new FirstAdmin(SetupOutcome.WRONG_CODE, 0);
      }
      if (created.get().toInstant().isBefore(validFrom)) {
        return new FirstAdmin(SetupOutcome.EXPIRED_CODE, 0);
      }
      if (h.createQuery("SELECT COUNT(*) FROM users WHERE email = :e").bind("e", email).mapTo(Long.class).one() > 0) {
        return new FirstAdmin(SetupOutcome.EMAIL_TAKEN, 0);
      }
      long id = h.createUpdate("INSERT INTO users (org_id, email, password_hash, role, developer_id, created_at, password_changed_at)"
              + " VALUES (:org, :email, :hash, :role, NULL, :now, :now)")
          .bind("org", org.get()).bind("email", email).bind("hash", passwordHash).bind("role", Role.ADMIN.wire()).bind("now", utc(now))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      h.createUpdate("DELETE FROM setup_codes WHERE org_id = :org").bind("org", org.get()).execute();
      return new FirstAdmin(SetupOutcome.CREATED, id);
    });
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
