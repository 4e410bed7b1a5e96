package dev.yardstick.storage;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityRecord;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Membership;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.model.ConflictException;
import dev.yardstick.model.Identity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Developers, teams, dated memberships, team managers, aliases and admins' identity decisions. */
public final class PeopleStore {
  private final Database db;
  private final MembershipStore memberships;

  public PeopleStore(Database db) {
    this.db = db;
    this.memberships = new MembershipStore(db);
  }

  /** Creates a developer; throws IllegalArgumentException if the email is taken in the organization. */
  public long createDeveloper(long org, String email, String name, LocalDate activeFrom, LocalDate activeTo, Instant now) {
    try {
      return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO developers (org_id, email, name, active_from, active_to,"
              + " created_at) VALUES (:org, :email, :name, :from, :to, :now)")
          .bind("org", org).bind("email", email).bind("name", name).bind("from", activeFrom).bind("to", activeTo)
          .bind("now", utc(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    } catch (UnableToExecuteStatementException e) {
      throw new ConflictException("a developer with email " + email + " exists");
    }
  }

  public void renameDeveloper(long org, long id, String name) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE developers SET name = :name WHERE id = :id AND org_id = :org")
        .bind("name", name).bind("id", id).bind("org", org).execute());
  }

  /** Corrects a developer's email, name and active days; ConflictException if another developer has the email. */
  public void updateDeveloper(long org, long id, String email, String name, LocalDate activeFrom, LocalDate activeTo) {
    try {
      db.jdbi().useHandle(h -> h.createUpdate("UPDATE developers SET email = :email, name = :name, active_from = :from,"
              + " active_to = :to WHERE id = :id AND org_id = :org")
          .bind("email", email).bind("name", name).bind("from", activeFrom).bind("to", activeTo).bind("id", id).bind("org", org)
          .execute());
    } catch (UnableToExecuteStatementException e) {
      throw new ConflictException("a developer with email " + email + " exists");
    }
  }

  public List<Developer> developers(long org) {
    return db.jdbi().withHandle(h -> developers(h, org));
  }

  public Optional<Developer> developer(long org, long id) {
    return developers(org).stream().filter(d -> d.id() == id).findFirst();
  }

  public Optional<Developer> developerByEmail(long org, String email) {
    return developers(org).stream().filter(d -> d.email().equals(email)).findFirst();
  }

  private static List<Developer> developers(Handle h, long org) {
    return h.createQuery("SELECT id, email, name, active_from, active_to FROM developers WHERE org_id = :org ORDER BY email")
        .bind("org", org)
        .map((rs, ctx) -> new Developer(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
        .list();
  }

  /** The team with this name (in any case), created (under {@code parentId}, may be null) if missing. */
  public long team(long org, String name, Long parentId, Instant now) {
    Optional<Team> existing = teamNamed(org, name);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    String sql = db.dialect().insertIfAbsent("teams", List.of("org_id", "name"), List.of("org_id", "name", "parent_id", "created_at"),
        List.of("BIGINT", "VARCHAR(200)", "BIGINT", "TIMESTAMP WITH TIME ZONE"));
    return db.jdbi().inTransaction(h -> {
      h.createUpdate(sql).bind(0, org).bind(1, name).bind(2, parentId).bind(3, utc(now)).execute();
      return h.createQuery("SELECT id FROM teams WHERE org_id = :org AND name = :name").bind("org", org).bind("name", name)
          .mapTo(Long.class).one();
    });
  }

  /** The organization's teams. */
  public List<Team> teams(long org) {
    return db.jdbi().withHandle(h -> teams(h, org));
  }

  private static List<Team> teams(Handle h, long org) {
    return h.createQuery("SELECT id, name, parent_id FROM teams WHERE org_id = :org ORDER BY id").bind("org", org)
        .map((rs, ctx) -> new Team(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class))).list();
  }

  /** The team with this name in any case; the oldest, should two differ only in case. */
  public Optional<Team> teamNamed(long org, String name) {
    return teams(org).stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  public void setParent(long org, long teamId, Long parentId) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE teams SET parent_id = :p WHERE id = :id AND org_id = :org")
        .bind("p", parentId).bind("id", teamId).bind("org", org).execute());
  }

  /** Developers' dated team memberships. */
  public MembershipStore memberships() {
    return memberships;
  }

  /** Puts the developer in the team from {@code day} on (null: over their whole history); no-op if already there. */
  public void moveToTeam(long org, long developerId, long teamId, LocalDate day) {
    memberships.change(org, developerId, current -> TeamHistory.joinFrom(current, teamId, day));
  }

  public void addTeamManager(long org, long teamId, String email) {
    String sql = db.dialect().insertIfAbsent("team_managers", List.of("org_id", "team_id", "email"),
        List.of("org_id", "team_id", "email"), List.of("BIGINT", "BIGINT", "VARCHAR(320)"));
    db.jdbi().useHandle(h -> h.createUpdate(sql).bind(0, org).bind(1, teamId).bind(2, email).execute());
  }

  public void renameTeam(long org, long teamId, String name) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE teams SET name = :name WHERE id = :id AND org_id = :org")
        .bind("name", name).bind("id", teamId).bind("org", org).execute());
  }

  /** Replaces a team's managers with these emails. */
  public void setTeamManagers(long org, long teamId, List<String> emails) {
    db.jdbi().useTransaction(h -> {
      h.createUpdate("DELETE FROM team_managers WHERE org_id = :org AND team_id = :team").bind("org", org).bind("team", teamId).execute();
      for (String e : new java.util.LinkedHashSet<>(emails)) {
        h.createUpdate("INSERT INTO team_managers (org_id, team_id, email) VALUES (:org, :team, :email)")
            .bind("org", org).bind("team", teamId).bind("email", e).execute();
      }
    });
  }

  /** Team id → manager emails. */
  public Map<Long, List<String>> teamManagers(long org) {
    Map<Long, List<String>> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT team_id, email FROM team_managers WHERE org_id = :org ORDER BY email")
        .bind("org", org).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue())));
    return out;
  }

  /** Links an identifier to a developer; throws IllegalArgumentException if another developer claims it. */
  public long addAlias(long org, long developerId, RawId id, String evidence, boolean automatic, Instant now) {
    try {
      return db.jdbi().inTransaction(h -> {
        h.createUpdate("DELETE FROM identity_decisions WHERE org_id = :org AND kind = :kind AND alias_value = :v")
            .bind("org", org).bind("kind", id.kind().wire()).bind("v", id.value()).execute();
        return h.createUpdate("INSERT INTO aliases (org_id, developer_id, kind, alias_value, evidence, automatic, created_at)"
                + " VALUES (:org, :dev, :kind, :v, :ev, :auto, :now)")
            .bind("org", org).bind("dev", developerId).bind("kind", id.kind().wire()).bind("v", id.value())
            .bind("ev", evidence).bind("auto", automatic).bind("now", utc(now))
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      });
    } catch (UnableToExecuteStatementException e) {
      throw new ConflictException(id.kind().wire() + " " + id.value() + " is already linked to a developer");
    }
  }

  /** Removes an alias of the organization; an automatic one is remembered as refused, so it is not made again. */
  public Optional<Alias> removeAlias(long org, long developerId, long aliasId, Instant now) {
    return db.jdbi().inTransaction(h -> {
      Optional<Alias> alias = aliases(h, org).stream().filter(a -> a.id() == aliasId && a.developerId() == developerId).findFirst();
      alias.ifPresent(a -> {
        h.createUpdate("DELETE FROM aliases WHERE id = :id").bind("id", aliasId).execute();
        if (a.automatic()) {
          decide(h, org, new RawId(a.kind(), a.value()), "unlinked", now);
        }
      });
      return alias;
    });
  }

  public List<Alias> aliases(long org) {
    return db.jdbi().withHandle(h -> aliases(h, org));
  }

  private static List<Alias> aliases(Handle h, long org) {
    return h.createQuery("SELECT id, developer_id, kind, alias_value, evidence, automatic FROM aliases WHERE org_id = :org ORDER BY id")
        .bind("org", org)
        .map((rs, ctx) -> new Alias(rs.getLong(1), rs.getLong(2), AliasKind.parse(rs.getString(3)), rs.getString(4),
            rs.getString(5), rs.getBoolean(6)))
        .list();
  }

  /** The aliases, and every personal ingest token (revoked ones too: their data stays theirs) as the owner's identifier. */
  private static List<Alias> withPersonalTokens(Handle h, long org) {
    List<Alias> out = new java.util.ArrayList<>(aliases(h, org));
    h.createQuery("SELECT developer_id, id FROM ingest_tokens WHERE org_id = :org AND developer_id IS NOT NULL ORDER BY id")
        .bind("org", org)
        .map((rs, ctx) -> new Alias(0, rs.getLong(1), AliasKind.INGEST_TOKEN, rs.getString(2), "personal ingest token", false))
        .forEach(out::add);
    return out;
  }

  /** Records that an admin ignored an identifier (or undid its automatic link). */
  public void decide(long org, RawId id, String decision, Instant now) {
    db.jdbi().useHandle(h -> decide(h, org, id, decision, now));
  }

  private void decide(Handle h, long org, RawId id, String decision, Instant now) {
    h.createUpdate("DELETE FROM identity_decisions WHERE org_id = :org AND kind = :kind AND alias_value = :v")
        .bind("org", org).bind("kind", id.kind().wire()).bind("v", id.value()).execute();
    h.createUpdate("INSERT INTO identity_decisions (org_id, kind, alias_value, decision, decided_at) VALUES (:org, :kind, :v, :d, :now)")
        .bind("org", org).bind("kind", id.kind().wire()).bind("v", id.value()).bind("d", decision).bind("now", utc(now)).execute();
  }

  /** Identifier → decision (ignored or unlinked). */
  public Map<RawId, String> decisions(long org) {
    Map<RawId, String> out = new HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT kind, alias_value, decision FROM identity_decisions WHERE org_id = :org")
        .bind("org", org).map((rs, ctx) -> Map.entry(new RawId(AliasKind.parse(rs.getString(1)), rs.getString(2)), rs.getString(3)))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Everything resolution needs, read in one transaction. */
  public IdentityResolver resolver(long org) {
    return people(org).resolver();
  }

  /** Everything a resolver is built from, as read in one transaction: equal people, equal resolution. */
  public record People(List<Developer> developers, List<Alias> aliases, List<Team> teams, java.util.Set<Membership> memberships) {
    public IdentityResolver resolver() {
      // in one order whatever the set's: the resolver takes the first membership covering a day
      return new IdentityResolver(developers, aliases, teams, memberships.stream()
          .sorted(java.util.Comparator.comparingLong(Membership::developerId)
              .thenComparing(Membership::from, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
              .thenComparingLong(Membership::teamId))
          .toList());
    }
  }

  public People people(long org) {
    return db.jdbi().inTransaction(h -> new People(developers(h, org), withPersonalTokens(h, org), teams(h, org),
        java.util.Set.copyOf(h.createQuery("SELECT developer_id, team_id, valid_from, valid_to FROM team_memberships WHERE org_id = :org")
            .bind("org", org)
            .map((rs, ctx) -> new Membership(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class))).list())));
  }

  /**
   * Every telemetry identity of the organization, with how much data it sent (sessions plus events)
   * when {@code withVolume}: that sums every day row of the organization, so the minutely auto-link,
   * which does not need it, leaves it at 0. With volume, an identity whose data was all removed (its
   * day rows are all emptied) is left out: nothing of it is left to attribute.
   */
  public List<IdentityRecord> identityRecords(long org, boolean withVolume) {
    return db.jdbi().withHandle(h -> {
      Map<Long, Long> volume = new HashMap<>();
      java.util.Set<Long> removed = new java.util.HashSet<>();
      if (withVolume) {
        h.createQuery("SELECT identity_id, SUM(sessions), SUM(events), MAX(CASE WHEN " + IdentityDays.HOLDS_DATA
                + " THEN 1 ELSE 0 END) FROM identity_days WHERE org_id = :org GROUP BY identity_id")
            .bind("org", org).map((rs, ctx) -> {
              if (rs.getInt(4) == 0) {
                removed.add(rs.getLong(1));
              }
              return Map.entry(rs.getLong(1), Math.round(rs.getDouble(2)) + rs.getLong(3));
            })
            .forEach(e -> volume.put(e.getKey(), e.getValue())); // one row per identity
      }
      return h.createQuery("SELECT id, email, header_email, service_name, account_uuid, account_id, user_id, claude_org_id,"
              + " first_seen, last_seen, last_terminal_type, last_app_version, personal_token FROM identities WHERE org_id = :org ORDER BY id")
          .bind("org", org)
          .map((rs, ctx) -> new IdentityRecord(rs.getLong(1), new Identity(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(13)),
              rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant(),
              rs.getString(11), rs.getString(12), volume.getOrDefault(rs.getLong(1), 0L)))
          .filter(r -> !removed.contains(r.id()))
          .list();
    });
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
