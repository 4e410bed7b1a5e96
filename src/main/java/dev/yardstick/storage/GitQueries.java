package dev.yardstick.storage;

import dev.yardstick.model.GitField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Read-side SQL over commits: daily counters per author for reports, and the authors seen. */
public final class GitQueries {
  private final Database db;
  private final ReportCache cache;

  public GitQueries(Database db) {
    this(db, null);
  }

  /** Reads author-days through {@code cache} (null: from the database every time). */
  public GitQueries(Database db, ReportCache cache) {
    this.db = db;
    this.cache = cache;
  }

  /** One author's git counters on one day (author date, organization's time zone), indexed by {@link GitField}. */
  public record AuthorDay(LocalDate day, String authorEmail, double[] values, String repository) {
    public AuthorDay(LocalDate day, String authorEmail, double[] values) {
      this(day, authorEmail, values, null);
    }
  }

  /** An author as the unmatched queue shows it. */
  public record Author(String email, String name, Instant firstSeen, Instant lastSeen, long commits) {}

  public List<AuthorDay> byDayAndAuthor(long orgId, LocalDate from, LocalDate to) {
    return cache == null ? byDay(orgId, from, to, "NULL", "commits", "")
        : cache.versioned(cache.git, DataVersion.Kind.GIT, orgId, from, to, (f, t) -> byDay(orgId, f, t, "NULL", "commits", ""), AuthorDay::day);
  }

  /** As byDayAndAuthor, per followed repository: a commit reachable from two repositories is in both. */
  public List<AuthorDay> byDayAuthorAndRepository(long orgId, LocalDate from, LocalDate to) {
    return byDay(orgId, from, to, "r.name", "commits JOIN repository_commits rc ON rc.sha = commits.sha"
        + " JOIN repositories r ON r.id = rc.repository_id AND r.org_id = commits.org_id", ", r.name");
  }

  /** The names of the organization's followed repositories, in name order. */
  public List<String> repositoryNames(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM repositories WHERE org_id = :org ORDER BY name")
        .bind("org", orgId).mapTo(String.class).list());
  }

  private List<AuthorDay> byDay(long orgId, LocalDate from, LocalDate to, String repository, String source, String groupBy) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT author_day, author_email, COUNT(*), SUM(lines_added), SUM(lines_removed),"
            + " SUM(CASE WHEN ai_coauthored THEN 1 ELSE 0 END), SUM(CASE WHEN ai_coauthored THEN lines_added ELSE 0 END),"
            + " SUM(reworked_lines), SUM(CASE WHEN ai_coauthored THEN reworked_lines ELSE 0 END),"
            + " SUM(CASE WHEN defect_introducing THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN defect_introducing AND ai_coauthored THEN 1 ELSE 0 END), " + repository
            + " FROM " + source + " WHERE commits.org_id = :org AND author_day BETWEEN :from AND :to AND NOT is_merge"
            + " GROUP BY author_day, author_email" + groupBy)
        .bind("org", orgId).bind("from", from).bind("to", to)
        .map((rs, ctx) -> {
          double[] v = new double[GitField.count()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(3 + i);
          }
          return new AuthorDay(Shared.day(rs.getObject(1, LocalDate.class)), Shared.text(rs.getString(2)), v,
              Shared.text(rs.getString(3 + v.length)));
        }).list());
  }

  public List<Author> authors(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT author_email, MAX(author_name), MIN(author_time), MAX(author_time),"
            + " COUNT(*) FROM commits WHERE org_id = :org AND NOT is_merge GROUP BY author_email")
        .bind("org", orgId)
        .map((rs, ctx) -> new Author(rs.getString(1), rs.getString(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
            rs.getLong(5)))
        .list());
  }

  /** The authors among {@code emails} (index commits_author). */
  public List<Author> authors(long orgId, java.util.Collection<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    return db.jdbi().withHandle(h -> h.createQuery("SELECT author_email, MAX(author_name), MIN(author_time), MAX(author_time),"
            + " COUNT(*) FROM commits WHERE org_id = :org AND author_email IN (<emails>) AND NOT is_merge GROUP BY author_email")
        .bind("org", orgId).bindList("emails", List.copyOf(emails))
        .map((rs, ctx) -> new Author(rs.getString(1), rs.getString(2),
            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
            rs.getLong(5)))
        .list());
  }

  static Instant start(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
