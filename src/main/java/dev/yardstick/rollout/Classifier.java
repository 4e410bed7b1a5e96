package dev.yardstick.rollout;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityRecord;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.storage.RolloutQueries.AdminLastDay;
import dev.yardstick.storage.RolloutQueries.LastCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Pure: each source's rows resolved to developers at read time (so linking an identifier later
 * re-attributes), and a developer's evidence turned into one {@link SetupState}.
 */
public final class Classifier {
  public static final int DEFAULT_SILENT_DAYS = 7;
  public static final int MAX_SILENT_DAYS = 90;

  private Classifier() {}

  /**
   * The state by precedence: telemetry within the last {@code silentDays} days (exactly that long
   * ago still counts) is sending, older telemetry silent; without telemetry, Admin API rows make
   * "only in the Admin API" whatever git says, then commits "only in git", else never seen.
   */
  public static SetupState classify(Evidence e, Instant now, int silentDays) {
    if (e.lastEventAt() != null) {
      return e.lastEventAt().isBefore(now.minus(Duration.ofDays(silentDays))) ? SetupState.SILENT : SetupState.SENDING;
    }
    if (e.adminApiLastDay() != null) {
      return SetupState.ONLY_ADMIN_API;
    }
    return e.lastCommitAt() != null ? SetupState.ONLY_GIT : SetupState.NEVER_SEEN;
  }

  /** Developer id → what the sources saw of them; developers seen nowhere are absent. */
  public static Map<Long, Evidence> gather(IdentityResolver resolver, List<IdentityRecord> identities, List<AdminLastDay> actors,
      List<LastCommit> authors) {
    Map<Long, Evidence> out = new HashMap<>();
    for (IdentityRecord r : identities) {
      OptionalLong d = resolver.developerOf(r.identity());
      if (d.isPresent()) {
        out.merge(d.getAsLong(), Evidence.NONE.telemetry(r.firstSeen(), r.lastSeen()), (a, b) -> a.telemetry(r.firstSeen(), r.lastSeen()));
      }
    }
    for (AdminLastDay a : actors) {
      OptionalLong d = resolver.developerOf(actorId(a));
      if (d.isPresent()) {
        out.merge(d.getAsLong(), Evidence.NONE.adminApi(a.day()), (x, y) -> x.adminApi(a.day()));
      }
    }
    for (LastCommit c : authors) {
      OptionalLong d = resolver.developerOf(authorId(c));
      if (d.isPresent()) {
        out.merge(d.getAsLong(), Evidence.NONE.commit(c.at()), (x, y) -> x.commit(c.at()));
      }
    }
    return out;
  }

  /** An Admin API actor as an identifier: a user by email, an API key by its name (as reports resolve them). */
  public static RawId actorId(AdminLastDay a) {
    return a.type() == ActorType.USER ? new RawId(AliasKind.EMAIL, a.actor()) : new RawId(AliasKind.API_KEY_NAME, a.actor());
  }

  /** A commit author as an identifier; a developer's own email matches too. */
  public static RawId authorId(LastCommit a) {
    return new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(a.email()));
  }
}
