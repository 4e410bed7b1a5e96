package dev.yardstick.people;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.Sighting;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.storage.AdminUsageQueries;
import dev.yardstick.storage.GitQueries;
import java.util.List;
import java.util.function.LongFunction;

/** The identifiers the Admin API and git bring, for the unmatched queue. */
public final class SightingSources {
  private SightingSources() {}

  /** User actors by email, API actors by key name. */
  public static LongFunction<List<Sighting>> adminApi(AdminUsageQueries q) {
    return org -> q.actors(org).stream().map(a -> new Sighting(
        List.of(a.type() == ActorType.USER ? new RawId(AliasKind.EMAIL, a.actor()) : new RawId(AliasKind.API_KEY_NAME, a.actor())),
        "admin-api", a.firstSeen(), a.lastSeen(), a.sessions(), a.terminal(), null)).toList();
  }

  /** Commit authors by git email. */
  public static LongFunction<List<Sighting>> git(GitQueries q) {
    return org -> q.authors(org).stream().map(a -> new Sighting(
        List.of(new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(a.email()))), "git", a.firstSeen(), a.lastSeen(),
        a.commits(), null, null)).toList();
  }
}
