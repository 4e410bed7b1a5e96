package dev.yardstick.profile;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.StatusQueries;
import dev.yardstick.storage.StatusQueries.ActorDays;
import dev.yardstick.storage.StatusQueries.IdentitySeen;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads what a developer's telemetry status needs and hands it to {@link TelemetryStatuses}. */
public final class ProfileService {
  private final StatusQueries queries;
  private final GitQueries git;
  private final PeopleService people;

  public ProfileService(StatusQueries queries, GitQueries git, PeopleService people) {
    this.queries = queries;
    this.git = git;
    this.people = people;
  }

  public TelemetryStatus status(long org, long developerId) {
    IdentityResolver resolver = people.resolver(org);
    List<IdentitySeen> identities = queries.identities(org);
    List<Long> mine = TelemetryStatuses.identitiesOf(developerId, resolver, identities).stream().map(IdentitySeen::id).toList();
    // only the developer's own identifiers are read (indexed); the resolver below still decides what is theirs
    java.util.Set<String> theirs = resolver.identifierValues(developerId);
    List<ActorDays> actors = queries.adminDaysOf(org, theirs);
    List<ActorDays> myActors = TelemetryStatuses.actorsOf(developerId, resolver, actors);
    ActorDays total = myActors.size() > 1 ? queries.adminDays(org, myActors.stream().map(ActorDays::actor).toList()) : null;
    return TelemetryStatuses.of(developerId, resolver, identities, queries.clients(org, mine), myActors, total, git.authors(org, theirs));
  }

  /**
   * When this server last received the developer's telemetry, if at or after {@code since}: ONE
   * indexed lookup (identities received since then, usually none or a few), resolved in memory.
   */
  public Optional<Instant> receivedSince(long org, long developerId, Instant since) {
    IdentityResolver resolver = people.resolver(org);
    return TelemetryStatuses.identitiesOf(developerId, resolver, queries.receivedSince(org, since)).stream()
        .map(IdentitySeen::lastReceived).max(Instant::compareTo);
  }
}
