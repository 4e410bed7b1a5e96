package dev.yardstick.people;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityLinker;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Alias;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.Sighting;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.identity.UnmatchedQueue;
import dev.yardstick.model.Emails;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.storage.MembershipStore;
import dev.yardstick.storage.PeopleStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * Developers, teams and the links from raw identifiers to developers: the operations the API, the
 * pages and the CLI share. Every change invalidates the cached resolver, so reports re-attribute at once.
 */
public final class PeopleService {
  /** Another server's changes reach this one's cached resolver within this time. */
  private static final long RESOLVER_TTL_NANOS = 10_000_000_000L;

  private final PeopleStore store;
  private final Clock clock;
  private final Map<Long, Cached> resolvers = new ConcurrentHashMap<>();
  private final List<LongFunction<List<Sighting>>> otherSources = new java.util.concurrent.CopyOnWriteArrayList<>();

  public PeopleService(PeopleStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  private record Cached(PeopleStore.People people, IdentityResolver resolver, long loadedAt) {}

  /** Adds a source of identifiers besides telemetry (Admin API actors, git authors) to the unmatched queue. */
  public void addSightingSource(LongFunction<List<Sighting>> source) {
    otherSources.add(source);
  }

  /** The resolver over the organization's current people; cached for a few seconds. */
  public IdentityResolver resolver(long org) {
    Cached c = resolvers.get(org);
    if (c == null || System.nanoTime() - c.loadedAt() > RESOLVER_TTL_NANOS) {
      PeopleStore.People now = store.people(org);
      // the same people keep the same resolver: answers kept for it (Answers) stay valid
      c = new Cached(now, c != null && c.people().equals(now) ? c.resolver() : now.resolver(), System.nanoTime());
      resolvers.put(org, c);
    }
    return c.resolver();
  }

  private void changed(long org) {
    resolvers.remove(org);
  }

  /** Says that identifiers changed elsewhere (a personal ingest token was made), so resolution sees it at once. */
  public void identifiersChanged(long org) {
    changed(org);
  }

  /** Creates a developer (and puts them in a team, created if needed); the email is normalized. */
  public Developer createDeveloper(long org, String email, String name, String teamName) {
    String normalized = Emails.normalize(email);
    if (!Emails.looksLikeEmail(normalized)) {
      throw new IllegalArgumentException("\"" + email + "\" is not an email address");
    }
    long id = store.createDeveloper(org, normalized, name == null || name.isBlank() ? normalized : name.trim(), null, null,
        clock.instant());
    if (teamName != null && !teamName.isBlank()) {
      store.moveToTeam(org, id, store.team(org, teamName.trim(), null, clock.instant()), null); // their whole history
    }
    changed(org);
    return store.developer(org, id).orElseThrow();
  }

  public List<Developer> developers(long org) {
    return store.developers(org);
  }

  public Developer developer(long org, long id) {
    return store.developer(org, id).orElseThrow(() -> new NotFoundException("no developer " + id));
  }

  /** Links an identifier to a developer of the organization, recording who did it. */
  public Alias link(long org, long developerId, RawId raw, String by) {
    developer(org, developerId);
    RawId id = normalized(raw);
    long aliasId = store.addAlias(org, developerId, id, "linked by " + by, false, clock.instant());
    changed(org);
    return store.aliases(org).stream().filter(a -> a.id() == aliasId).findFirst().orElseThrow();
  }

  public void unlink(long org, long developerId, long aliasId) {
    if (store.removeAlias(org, developerId, aliasId, clock.instant()).isEmpty()) {
      throw new NotFoundException("developer " + developerId + " has no alias " + aliasId);
    }
    changed(org);
  }

  /** Keeps an identifier out of the unmatched queue; its data still counts as unattributed. */
  public void ignore(long org, RawId raw) {
    store.decide(org, normalized(raw), "ignored", clock.instant());
  }

  /** One click from the unmatched queue: a developer named after an email identifier, linked to it. */
  public Developer createFromUnmatched(long org, RawId raw, String name) {
    RawId id = normalized(raw);
    if (id.kind() != AliasKind.EMAIL && id.kind() != AliasKind.GIT_EMAIL) {
      throw new IllegalArgumentException("only an email identifier can become a developer; link " + id.kind().wire() + " instead");
    }
    Developer d = store.developerByEmail(org, id.value()).orElseGet(() -> createDeveloper(org, id.value(), name, null));
    if (id.kind() == AliasKind.GIT_EMAIL) {
      store.addAlias(org, d.id(), id, "created from the unmatched queue", false, clock.instant());
    }
    changed(org);
    return d;
  }

  public List<Alias> aliases(long org, long developerId) {
    developer(org, developerId);
    return store.aliases(org).stream().filter(a -> a.developerId() == developerId).toList();
  }

  /** Makes the links that are safe without asking (IdentityLinker); returns how many. */
  public int autoLink(long org) {
    IdentityResolver resolver = store.resolver(org);
    Set<RawId> refused = store.decisions(org).keySet();
    int made = 0;
    for (IdentityLinker.Proposal p : IdentityLinker.propose(store.identityRecords(org, false), resolver, refused)) {
      try {
        store.addAlias(org, p.developerId(), p.id(), p.evidence(), true, clock.instant());
        made++;
      } catch (IllegalArgumentException raced) {
        // another server linked it first
      }
    }
    if (made > 0) {
      changed(org);
    }
    return made;
  }

  /** The unmatched queue, after making the safe links. */
  public List<UnmatchedQueue.Entry> unmatched(long org) {
    autoLink(org);
    List<Sighting> sightings = new ArrayList<>();
    store.identityRecords(org, true).forEach(r -> sightings.add(Sighting.of(r)));
    otherSources.forEach(s -> sightings.addAll(s.apply(org)));
    Set<RawId> ignored = store.decisions(org).entrySet().stream().filter(e -> e.getValue().equals("ignored"))
        .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    return UnmatchedQueue.build(sightings, resolver(org), ignored);
  }

  /** The teams a manager (by sign-in email) manages, with every team under them. */
  public Set<Long> managedTeamIds(long org, String email) {
    IdentityResolver resolver = resolver(org);
    Set<Long> out = new java.util.HashSet<>();
    store.teamManagers(org).forEach((teamId, emails) -> {
      if (emails.contains(Emails.normalize(email))) {
        resolver.teamAndDescendants(teamId).forEach(t -> out.add(t.id()));
      }
    });
    return out;
  }

  /** What saving a team did. */
  public record TeamSaved(long id, boolean created) {}

  /**
   * Creates a team, or updates the one with this name (in any case): its parent when one is given,
   * and more managers. Everything is checked before anything is written.
   */
  public TeamSaved saveTeam(long org, String name, String parentName, List<String> managers) {
    List<String> emails = Teams.managerEmails(managers);
    List<Team> teams = store.teams(org);
    Team parent = null;
    if (parentName != null && !parentName.isBlank()) {
      parent = Teams.named(teams, parentName).orElseThrow(() -> new IllegalArgumentException("no team named " + parentName.trim()));
      String problem = Teams.nestingProblem(teams, name, parent);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    Optional<Team> existing = Teams.named(teams, name);
    long id = existing.isPresent() ? existing.get().id() : store.team(org, name.trim(), parent == null ? null : parent.id(), clock.instant());
    if (parent != null && existing.isPresent()) {
      store.setParent(org, id, parent.id());
    }
    emails.forEach(e -> store.addTeamManager(org, id, e));
    changed(org);
    return new TeamSaved(id, existing.isEmpty());
  }

  /**
   * Puts a developer in a team (by name, created if needed); false if they were there already. With
   * a date, the membership starts exactly then; without, a first team covers all of their data (an
   * Admin API backfill or git history that arrives later included) and a later move applies from today.
   */
  public boolean moveToTeam(long org, long developerId, String teamName, LocalDate from) {
    developer(org, developerId);
    long team = store.team(org, teamName.trim(), null, clock.instant());
    boolean moved = store.memberships().change(org, developerId, current -> from != null ? TeamHistory.since(current, team, from)
        : TeamHistory.joinFrom(current, team, current.isEmpty() ? null : today())).changed();
    changed(org);
    return moved;
  }

  /** A developer's memberships, earliest first. */
  public List<TeamHistory.Entry> memberships(long org, long developerId) {
    developer(org, developerId);
    return store.memberships().of(org, developerId);
  }

  /** Adds a membership in a team (by name, created if needed); ConflictException if it overlaps another. */
  public TeamHistory.Entry addMembership(long org, long developerId, String teamName, LocalDate from, LocalDate to) {
    LongFunction<String> known = Teams.names(store.teams(org));
    LongFunction<String> names = id -> id == 0 ? teamName.trim() : known.apply(id);
    TeamHistory.put(memberships(org, developerId), new TeamHistory.Entry(0, 0, from, to), names); // refused before a team is made
    long team = store.team(org, teamName.trim(), null, clock.instant());
    LongFunction<String> withTeam = Teams.names(store.teams(org));
    MembershipStore.MembershipChange c = store.memberships().change(org, developerId,
        current -> TeamHistory.put(current, new TeamHistory.Entry(0, team, from, to), withTeam));
    changed(org);
    Set<Long> before = c.before().stream().map(TeamHistory.Entry::id).collect(java.util.stream.Collectors.toSet());
    return c.after().stream().filter(e -> !before.contains(e.id())).findFirst().orElseThrow();
  }

  /** Corrects a membership's dates; ConflictException if it would overlap another. */
  public TeamHistory.Entry updateMembership(long org, long developerId, long id, UnaryOperator<TeamHistory.Entry> correction) {
    LongFunction<String> names = Teams.names(store.teams(org));
    MembershipStore.MembershipChange c = store.memberships().change(org, developerId,
        current -> TeamHistory.put(current, correction.apply(membership(current, developerId, id)), names));
    changed(org);
    return membership(c.after(), developerId, id);
  }

  public void deleteMembership(long org, long developerId, long id) {
    store.memberships().change(org, developerId, current -> {
      membership(current, developerId, id);
      return current.stream().filter(e -> e.id() != id).toList();
    });
    changed(org);
  }

  private static TeamHistory.Entry membership(List<TeamHistory.Entry> entries, long developerId, long id) {
    return entries.stream().filter(e -> e.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("developer " + developerId + " has no membership " + id));
  }

  public Map<Long, List<String>> teamManagers(long org) {
    return store.teamManagers(org);
  }

  public Optional<Developer> developerByEmail(long org, String email) {
    return store.developerByEmail(org, Emails.normalize(email));
  }

  java.time.Instant now() {
    return clock.instant();
  }

  /** Today by the server's clock (UTC): the day "a developer's team" means wherever it is shown. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  PeopleStore store() {
    return store;
  }

  void invalidate(long org) {
    changed(org);
  }

  private static RawId normalized(RawId raw) {
    String v = raw.kind().normalize(raw.value());
    if (v == null) {
      throw new IllegalArgumentException("the identifier value is empty");
    }
    return new RawId(raw.kind(), v);
  }
}
