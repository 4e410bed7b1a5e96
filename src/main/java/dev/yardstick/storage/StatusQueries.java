package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Identity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Read-side SQL for developers' telemetry status: identities with their times and clients, Admin API days. */
public final class StatusQueries {
  private static final String IDENTITY_COLUMNS = "id, email, header_email, service_name, account_uuid, account_id, user_id,"
      + " claude_org_id, first_seen, last_seen, last_received, last_app_version, last_terminal_type";

  private final Database db;

  public StatusQueries(Database db) {
    this.db = db;
  }

  /** An identity with when its events happened (their own times) and when this server last received it (null: not yet written). */
  public record IdentitySeen(long id, Identity identity, Instant firstSeen, Instant lastSeen, Instant lastReceived,
      String lastVersion, String lastTerminal) {}

  /** A client version and terminal an identity was seen with ('' when the export did not say). */
  public record ClientSeen(long identityId, String version, String terminal, Instant firstSeen, Instant lastSeen) {}

  /** Days of Admin API data an actor has. */
  public record ActorDays(ActorType type, String actor, long days, LocalDate firstDay, LocalDate lastDay) {}

  public List<IdentitySeen> identities(long org) {
    return db.jdbi().withHandle(h -> identities(h, "SELECT " + IDENTITY_COLUMNS + " FROM identities WHERE org_id = ?", org, null));
  }

  /** The live check's one lookup: identities received at or after {@code since}, a range of index identities_received. */
  public List<IdentitySeen> receivedSince(long org, Instant since) {
    return db.jdbi().withHandle(h -> identities(h, "SELECT " + IDENTITY_COLUMNS
        + " FROM identities WHERE org_id = ? AND last_received >= ?", org, since));
  }

  private static List<IdentitySeen> identities(Handle h, String sql, long org, Instant since) {
    var q = h.createQuery(sql).bind(0, org);
    if (since != null) {
      q.bind(1, Times.utc(since.getEpochSecond() * 1_000_000_000L + since.getNano()));
    }
    return q.map((rs, ctx) -> new IdentitySeen(rs.getLong(1), new Identity(rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), instant(rs.getObject(9, OffsetDateTime.class)),
            instant(rs.getObject(10, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class)), rs.getString(12),
            rs.getString(13)))
        .list();
  }

  /** The clients of some identities of the organization. */
  public List<ClientSeen> clients(long org, Collection<Long> identityIds) {
    if (identityIds.isEmpty()) {
      return List.of();
    }
    String ids = identityIds.stream().map(String::valueOf).collect(Collectors.joining(", ")); // longs: nothing to quote
    return db.jdbi().withHandle(h -> h.createQuery("SELECT c.identity_id, c.app_version, c.terminal_type, c.first_seen, c.last_seen"
            + " FROM identity_clients c JOIN identities i ON i.id = c.identity_id WHERE i.org_id = :org AND c.identity_id IN (" + ids + ")")
        .bind("org", org)
        .map((rs, ctx) -> new ClientSeen(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
            instant(rs.getObject(5, OffsetDateTime.class))))
        .list());
  }

  /** The Admin API actors among {@code actors} with their days of data (index anthropic_activity_actor). */
  public List<ActorDays> adminDaysOf(long org, Collection<String> actors) {
    if (actors.isEmpty()) {
      return List.of();
    }
    return db.jdbi().withHandle(h -> h.createQuery("SELECT actor_type, actor, COUNT(DISTINCT usage_day), MIN(usage_day), MAX(usage_day)"
            + " FROM anthropic_activity WHERE org_id = :org AND actor IN (<actors>) GROUP BY actor_type, actor")
        .bind("org", org).bindList("actors", List.copyOf(actors))
        .map((rs, ctx) -> new ActorDays(ActorType.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
        .list());
  }

  /** Distinct days over several actors (a developer with an email and an API key on the same day counts it once). */
  public ActorDays adminDays(long org, Collection<String> actors) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT usage_day), MIN(usage_day), MAX(usage_day)"
            + " FROM anthropic_activity WHERE org_id = :org AND actor IN (<actors>)")
        .bind("org", org).bindList("actors", List.copyOf(actors))
        .map((rs, ctx) -> new ActorDays(null, null, rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
        .one());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
