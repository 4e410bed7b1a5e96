package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ActorType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The rollout tracker's two grouped reads, each answered from an index of V12: one row per actor or author. */
public final class RolloutQueries {
  private final Database db;

  public RolloutQueries(Database db) {
    this.db = db;
  }

  /** The last day the Admin API reports for an actor (a user by email, an API key by name). */
  public record AdminLastDay(ActorType type, String actor, LocalDate day) {}

  /** The author time of an author email's latest commit (merges left out, as the unmatched queue counts them). */
  public record LastCommit(String email, Instant at) {}

  public List<AdminLastDay> adminLastDays(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT actor_type, actor, MAX(usage_day) FROM anthropic_activity"
            + " WHERE org_id = :org GROUP BY actor_type, actor")
        .bind("org", orgId)
        .map((rs, ctx) -> new AdminLastDay(ActorType.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, LocalDate.class)))
        .list());
  }

  public List<LastCommit> lastCommits(long orgId) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT author_email, MAX(author_time) FROM commits"
            + " WHERE org_id = :org AND is_merge = FALSE GROUP BY author_email")
        .bind("org", orgId)
        .map((rs, ctx) -> new LastCommit(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
        .list());
  }
}
