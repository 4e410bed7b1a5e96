package dev.yardstick.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The repositories each organization follows, their settings, progress and lease. */
public final class RepositoryStore {
  private final Database db;

  public RepositoryStore(Database db) {
    this.db = db;
  }

  /** A followed repository; the clone token stays sealed here. */
  public record Repository(long id, long orgId, String name, String url, String path, String tokenSealed, String branch,
      String excludePaths, String includePaths, String fixPatterns, String state, String headSha, long commitsTotal,
      long commitsDone, Instant lastFetchAt, Instant lastImportAt, String lastError, String historyNote, Instant createdAt) {}

  private static final String COLUMNS = "id, org_id, name, url, path, token_sealed, branch, exclude_paths, include_paths,"
      + " fix_patterns, state, head_sha, commits_total, commits_done, last_fetch_at, last_import_at, last_error, history_note,"
      + " created_at";

  /** Throws IllegalArgumentException when the organization has a repository of that name. */
  public long create(long orgId, String name, String url, String path, String tokenSealed, String branch, String excludes,
      String includes, String fixPatterns, Instant now) {
    if (db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM repositories WHERE org_id = :org AND name = :name")
        .bind("org", orgId).bind("name", name).mapTo(Integer.class).one()) > 0) {
      throw new IllegalArgumentException("a repository named \"" + name + "\" exists");
    }
    return db.jdbi().inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO repositories (org_id, name, url, path, token_sealed, branch,"
              + " exclude_paths, include_paths, fix_patterns, state, commits_total, commits_done, created_at)"
              + " VALUES (:org, :name, :url, :path, :token, :branch, :ex, :in, :fix, 'new', 0, 0, :now)")
          .bind("org", orgId).bind("name", name).bind("url", url).bind("path", path).bind("token", tokenSealed)
          .bind("branch", branch).bind("ex", excludes).bind("in", includes).bind("fix", fixPatterns).bind("now", utc(now))
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      DataVersion.bump(h, orgId, DataVersion.Kind.GIT); // answers say whether commits are known at all: a first repository changes that
      return id;
    });
  }

  public void token(long id, String sealed) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET token_sealed = :t WHERE id = :id")
        .bind("t", sealed).bind("id", id).execute());
  }

  public List<Repository> list(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM repositories WHERE org_id = :org ORDER BY name")
        .bind("org", orgId).map((rs, ctx) -> map(rs)).list());
  }

  public List<Repository> all() {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM repositories ORDER BY id")
        .map((rs, ctx) -> map(rs)).list());
  }

  public Optional<Repository> find(long orgId, long id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM repositories WHERE org_id = :org AND id = :id")
        .bind("org", orgId).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
  }

  private static Repository map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Repository(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13),
        rs.getLong(14), instant(rs.getObject(15, OffsetDateTime.class)), instant(rs.getObject(16, OffsetDateTime.class)),
        rs.getString(17), rs.getString(18), instant(rs.getObject(19, OffsetDateTime.class)));
  }

  public void state(long id, String state, String error) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET state = :s, last_error = :e WHERE id = :id")
        .bind("s", state).bind("e", error == null || error.length() <= 2000 ? error : error.substring(0, 2000)).bind("id", id)
        .execute());
  }

  public void progress(long id, long done, long total) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET commits_done = :d, commits_total = :t WHERE id = :id")
        .bind("d", done).bind("t", total).bind("id", id).execute());
  }

  public void fetched(long id, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET last_fetch_at = :now WHERE id = :id")
        .bind("now", utc(now)).bind("id", id).execute());
  }

  /** The import reached {@code headSha}; {@code note} says what happened to history, if anything. */
  public void imported(long id, String headSha, String note, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET head_sha = :head, last_import_at = :now, state = 'following',"
            + " last_error = NULL" + (note == null ? "" : ", history_note = :note") + " WHERE id = :id")
        .bind("head", headSha).bind("now", utc(now)).bind("note", note).bind("id", id).execute());
  }

  public boolean tryLease(long id, Instant now, Instant until) {
    return db.jdbi().withHandle(h -> h.createUpdate("UPDATE repositories SET lease_until = :until"
            + " WHERE id = :id AND (lease_until IS NULL OR lease_until < :now)")
        .bind("until", utc(until)).bind("id", id).bind("now", utc(now)).execute()) == 1;
  }

  /** Extends a lease this process holds (an import running longer than the lease). */
  public void renewLease(long id, Instant until) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET lease_until = :until WHERE id = :id AND lease_until IS NOT NULL")
        .bind("until", utc(until)).bind("id", id).execute());
  }

  public void releaseLease(long id) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE repositories SET lease_until = NULL WHERE id = :id").bind("id", id).execute());
  }

  static OffsetDateTime utc(Instant t) {
    return AnthropicStore.utc(t);
  }

  static Instant instant(OffsetDateTime t) {
    return AnthropicStore.instant(t);
  }
}
