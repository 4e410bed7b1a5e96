package dev.yardstick.rollout;

import dev.yardstick.identity.IdentityRecord;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.People.Team;
import dev.yardstick.identity.UnmatchedQueue;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.RolloutQueries;
import dev.yardstick.storage.RolloutQueries.AdminLastDay;
import dev.yardstick.storage.RolloutQueries.LastCommit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rollout tracker: every known developer in the caller's scope with their setup state. Each
 * source is read with one grouped query for the whole organization, never per developer; the Admin
 * API's and git's may be up to a minute old ({@link SourceCache}), telemetry's never.
 */
public final class RolloutService {
  private final PeopleService people;
  private final PeopleStore store;
  private final SourceCache sources;
  private final Clock clock;

  public RolloutService(PeopleService people, PeopleStore store, RolloutQueries queries, Clock clock) {
    this.people = people;
    this.store = store;
    this.sources = new SourceCache(queries);
    this.clock = clock;
  }

  /** One developer's line; {@code team} is today's team, null when none. */
  public record Row(Developer developer, Team team, SetupState state, Evidence evidence) {}

  /**
   * The tracker as a caller sees it.
   *
   * @param team the team filtered on (with its sub-teams), or null for everyone in scope
   * @param teams the teams the caller may filter on, by name
   * @param unmatched identifiers no developer claims (as /identities counts them), or null when not asked for
   */
  public record View(Instant asOf, int silentDays, Team team, Map<SetupState, Integer> counts, List<Row> rows,
      List<Team> teams, Integer unmatched) {}

  /**
   * @param scope the teams the caller may see (a manager's, with every team under them), or null for everyone
   * @param teamName a team to narrow to (with its sub-teams), or null
   * @param withUnmatched whether to count unmatched identifiers (admins)
   */
  public View view(long org, Set<Long> scope, String teamName, int silentDays, boolean withUnmatched) {
    Instant now = clock.instant();
    LocalDate today = people.today();
    IdentityResolver resolver = people.resolver(org);
    Team team = teamName == null ? null : resolver.teamNamed(teamName)
        .orElseThrow(() -> new IllegalArgumentException("no team named " + teamName.trim()));
    if (team != null && scope != null && !scope.contains(team.id())) {
      throw new ForbiddenException("you do not manage the team " + team.name());
    }
    Set<Long> teamIds = team == null ? scope : resolver.teamAndDescendants(team.id()).stream().map(Team::id).collect(Collectors.toSet());

    List<IdentityRecord> identities = store.identityRecords(org, false); // telemetry, read fresh: "sending" is the live signal
    SourceCache.Sources cached = sources.get(org);
    List<AdminLastDay> actors = cached.adminApi();
    List<LastCommit> authors = cached.commits();
    Map<Long, Evidence> seen = Classifier.gather(resolver, identities, actors, authors);

    List<Row> rows = new ArrayList<>();
    Map<SetupState, Integer> counts = new EnumMap<>(SetupState.class);
    for (SetupState state : SetupState.values()) {
      counts.put(state, 0);
    }
    for (Developer d : resolver.developers()) {
      if (d.activeTo() != null && d.activeTo().isBefore(today)) {
        continue; // left the organization: no longer part of the rollout
      }
      Team current = resolver.teamOn(d.id(), today).orElse(null);
      if (teamIds != null && (current == null || !teamIds.contains(current.id()))) {
        continue;
      }
      Evidence e = seen.getOrDefault(d.id(), Evidence.NONE);
      SetupState state = Classifier.classify(e, now, silentDays);
      counts.merge(state, 1, Integer::sum);
      rows.add(new Row(d, current, state, e));
    }
    rows.sort(Comparator.comparing(Row::state).thenComparing(r -> r.developer().email()));
    List<Team> teams = resolver.teams().stream().filter(t -> scope == null || scope.contains(t.id()))
        .sorted(Comparator.comparing(t -> t.name().toLowerCase(java.util.Locale.ROOT))).toList();
    Integer unmatched = withUnmatched ? unmatched(org, resolver, identities, actors, authors) : null;
    return new View(now, silentDays, team, counts, rows, teams, unmatched);
  }

  /** The unmatched queue's length over the rows already read; the minutely auto-link may shorten it on /identities. */
  private int unmatched(long org, IdentityResolver resolver, List<IdentityRecord> identities, List<AdminLastDay> actors,
      List<LastCommit> authors) {
    List<List<RawId>> evidence = new ArrayList<>(identities.size() + actors.size() + authors.size());
    identities.forEach(r -> evidence.add(IdentityResolver.evidence(r.identity())));
    actors.forEach(a -> evidence.add(List.of(Classifier.actorId(a))));
    authors.forEach(a -> evidence.add(List.of(Classifier.authorId(a))));
    Set<RawId> ignored = store.decisions(org).entrySet().stream().filter(e -> e.getValue().equals("ignored"))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    return UnmatchedQueue.count(evidence, resolver, ignored);
  }

  /** silentDays from a query parameter: absent means the default; anything but a whole number 1..90 is refused. */
  public static int silentDays(String param) {
    if (param == null || param.isBlank()) {
      return Classifier.DEFAULT_SILENT_DAYS;
    }
    try {
      int n = Integer.parseInt(param.trim());
      if (n >= 1 && n <= Classifier.MAX_SILENT_DAYS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    String shown = param.length() > 20 ? param.substring(0, 20) + "…" : param;
    throw new IllegalArgumentException("silentDays must be a whole number of days from 1 to " + Classifier.MAX_SILENT_DAYS
        + " (got \"" + shown + "\")");
  }
}
