package dev.yardstick.identity;

import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.Membership;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.model.Emails;
import dev.yardstick.model.Identity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pure: raw identifiers → developer → team on a day, over one snapshot of developers, aliases,
 * teams and memberships. Order of evidence (product.md): user.email, the X-Yardstick-User-Email
 * header, an email in service.name, user.account_uuid / user.account_id, user.id; the first
 * identifier that an alias claims wins. A personal ingest token comes before them all.
 */
public final class IdentityResolver {
  private final Map<Long, Developer> developers = new HashMap<>();
  private final Map<RawId, Long> owners = new HashMap<>();
  private final Map<Long, Team> teams = new HashMap<>();
  private final Map<Long, List<Membership>> memberships = new HashMap<>();
  private final Map<Long, List<Long>> children = new HashMap<>();

  public IdentityResolver(Collection<Developer> developers, Collection<Alias> aliases, Collection<Team> teams,
      Collection<Membership> memberships) {
    for (Developer d : developers) {
      this.developers.put(d.id(), d);
      owners.put(new RawId(AliasKind.EMAIL, Emails.normalize(d.email())), d.id());
    }
    for (Alias a : aliases) {
      owners.put(new RawId(a.kind(), a.value()), a.developerId());
    }
    for (Team t : teams) {
      this.teams.put(t.id(), t);
      if (t.parentId() != null) {
        children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
      }
    }
    for (Membership m : memberships) {
      this.memberships.computeIfAbsent(m.developerId(), k -> new ArrayList<>()).add(m);
    }
  }

  public static IdentityResolver empty() {
    return new IdentityResolver(List.of(), List.of(), List.of(), List.of());
  }

  /** The identifiers of a telemetry identity in order of evidence, normalized as aliases store them. */
  public static List<RawId> evidence(Identity id) {
    List<RawId> out = new ArrayList<>(7);
    add(out, AliasKind.INGEST_TOKEN, id.personalToken());
    add(out, AliasKind.EMAIL, id.email());
    add(out, AliasKind.EMAIL, id.headerEmail());
    if (id.serviceName() != null && !isDefaultServiceName(id.serviceName())) {
      add(out, Emails.looksLikeEmail(id.serviceName()) ? AliasKind.EMAIL : AliasKind.SERVICE_NAME, id.serviceName());
    }
    add(out, AliasKind.ACCOUNT_UUID, id.accountUuid());
    add(out, AliasKind.ACCOUNT_ID, id.accountId());
    add(out, AliasKind.USER_ID, id.userId());
    return out;
  }

  /** Claude Code's own service names (and the SDK's fallback) are shared by everyone: they identify no one. */
  static boolean isDefaultServiceName(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    return n.isEmpty() || n.equals("claude-code") || n.equals("claude-code-desktop") || n.startsWith("unknown_service");
  }

  private static void add(List<RawId> out, AliasKind kind, String value) {
    String v = kind.normalize(value);
    if (v != null) {
      out.add(new RawId(kind, v));
    }
  }

  /** The developer a telemetry identity belongs to, or empty (unattributed). */
  public OptionalLong developerOf(Identity identity) {
    for (RawId raw : evidence(identity)) {
      Long owner = owners.get(raw);
      if (owner != null) {
        return OptionalLong.of(owner);
      }
    }
    return OptionalLong.empty();
  }

  /** The developer an identifier belongs to; a git email also matches a developer's plain email. */
  public OptionalLong developerOf(RawId raw) {
    Long owner = owners.get(raw);
    if (owner == null && raw.kind() == AliasKind.GIT_EMAIL) {
      owner = owners.get(new RawId(AliasKind.EMAIL, raw.value()));
    }
    return owner == null ? OptionalLong.empty() : OptionalLong.of(owner);
  }

  /** Every identifier value that resolves to the developer (their email and aliases): a superset to narrow a query by. */
  public java.util.Set<String> identifierValues(long developerId) {
    java.util.Set<String> out = new java.util.HashSet<>();
    owners.forEach((raw, owner) -> {
      if (owner == developerId) {
        out.add(raw.value());
      }
    });
    return out;
  }

  public boolean claimed(RawId raw) {
    return owners.containsKey(raw);
  }

  public Optional<Developer> developer(long id) {
    return Optional.ofNullable(developers.get(id));
  }

  public Collection<Developer> developers() {
    return developers.values();
  }

  /** The team a developer was in on a day, if any. */
  public Optional<Team> teamOn(long developerId, LocalDate day) {
    return membershipOn(developerId, day).map(m -> teams.get(m.teamId()));
  }

  /** The membership that puts a developer in a team on a day, if any. */
  public Optional<Membership> membershipOn(long developerId, LocalDate day) {
    for (Membership m : memberships.getOrDefault(developerId, List.of())) {
      if (m.covers(day)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** A team and every team nested under it. */
  public List<Team> teamAndDescendants(long teamId) {
    List<Team> out = new ArrayList<>();
    List<Long> todo = new ArrayList<>(List.of(teamId));
    while (!todo.isEmpty()) {
      Team t = teams.get(todo.removeLast());
      if (t != null && !out.contains(t)) {
        out.add(t);
        todo.addAll(children.getOrDefault(t.id(), List.of()));
      }
    }
    return out;
  }

  /** The team and the teams above it, nearest first. */
  public List<Team> teamAndAncestors(long teamId) {
    List<Team> out = new ArrayList<>();
    for (Team t = teams.get(teamId); t != null && !out.contains(t); t = t.parentId() == null ? null : teams.get(t.parentId())) {
      out.add(t);
    }
    return out;
  }

  public Optional<Team> team(long id) {
    return Optional.ofNullable(teams.get(id));
  }

  public Collection<Team> teams() {
    return teams.values();
  }

  public Optional<Team> teamNamed(String name) {
    return teams.values().stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /** Developers whose membership puts them in the team (or a team under it) on some day of the window. */
  public List<Long> membersBetween(long teamId, LocalDate from, LocalDate to) {
    List<Long> teamIds = teamAndDescendants(teamId).stream().map(Team::id).toList();
    List<Long> out = new ArrayList<>();
    memberships.forEach((dev, ms) -> {
      for (Membership m : ms) {
        boolean overlaps = (m.from() == null || !m.from().isAfter(to)) && (m.to() == null || m.to().isAfter(from));
        if (overlaps && teamIds.contains(m.teamId())) {
          out.add(dev);
          return;
        }
      }
    });
    return out;
  }
}
