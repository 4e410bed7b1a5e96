package dev.yardstick.profile;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Emails;
import dev.yardstick.model.Identity;
import dev.yardstick.profile.TelemetryStatus.AdminApi;
import dev.yardstick.profile.TelemetryStatus.Git;
import dev.yardstick.profile.TelemetryStatus.Identified;
import dev.yardstick.storage.GitQueries.Author;
import dev.yardstick.storage.StatusQueries.ActorDays;
import dev.yardstick.storage.StatusQueries.ClientSeen;
import dev.yardstick.storage.StatusQueries.IdentitySeen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Pure: a developer's telemetry status from the stored rows and a resolver. */
public final class TelemetryStatuses {
  private TelemetryStatuses() {}

  /** The telemetry identities that resolve to the developer. */
  public static List<IdentitySeen> identitiesOf(long developerId, IdentityResolver resolver, Collection<IdentitySeen> all) {
    return all.stream().filter(i -> resolver.developerOf(i.identity()).orElse(-1) == developerId).toList();
  }

  /** The Admin API actors that resolve to the developer: users by email, API actors by key name. */
  public static List<ActorDays> actorsOf(long developerId, IdentityResolver resolver, Collection<ActorDays> all) {
    return all.stream().filter(a -> resolver.developerOf(actorId(a)).orElse(-1) == developerId).toList();
  }

  /**
   * The status. {@code identities} and {@code actors} may be the organization's (only the developer's
   * count); {@code adminTotal}, when not null, is the distinct days over the developer's actors.
   */
  public static TelemetryStatus of(long developerId, IdentityResolver resolver, Collection<IdentitySeen> identities,
      Collection<ClientSeen> clients, Collection<ActorDays> actors, ActorDays adminTotal, Collection<Author> authors) {
    List<IdentitySeen> mine = identitiesOf(developerId, resolver, identities);
    Instant first = null;
    Instant last = null;
    Instant received = null;
    Map<String, Identified> by = new LinkedHashMap<>();
    for (IdentitySeen i : mine) {
      first = min(first, i.firstSeen());
      last = max(last, i.lastSeen());
      received = max(received, i.lastReceived());
      RawId id = winning(resolver, i.identity());
      String attribute = attribute(i.identity(), id);
      by.merge(TelemetryStatus.TELEMETRY + id + attribute, new Identified(TelemetryStatus.TELEMETRY, id.kind().wire(), attribute,
          id.value(), text(i.firstSeen()), text(i.lastSeen())), TelemetryStatuses::widen);
    }
    Set<Long> ids = mine.stream().map(IdentitySeen::id).collect(Collectors.toSet());
    List<ClientSeen> seen = new ArrayList<>(clients.stream().filter(c -> ids.contains(c.identityId())).toList());
    for (IdentitySeen i : mine) { // identities last written before clients were kept: their last client at least
      if (seen.stream().noneMatch(c -> c.identityId() == i.id()) && (i.lastVersion() != null || i.lastTerminal() != null)) {
        seen.add(new ClientSeen(i.id(), i.lastVersion() == null ? "" : i.lastVersion(), i.lastTerminal() == null ? "" : i.lastTerminal(),
            i.firstSeen(), i.lastSeen()));
      }
    }
    List<ActorDays> myActors = actorsOf(developerId, resolver, actors);
    for (ActorDays a : myActors) {
      RawId id = actorId(a);
      by.put(TelemetryStatus.ADMIN_API + id, new Identified(TelemetryStatus.ADMIN_API, id.kind().wire(), null, id.value(),
          a.firstDay().toString(), a.lastDay().toString()));
    }
    AdminApi admin = adminApi(myActors, adminTotal);
    long commits = 0;
    Instant gitFirst = null;
    Instant gitLast = null;
    for (Author a : authors) {
      RawId id = new RawId(AliasKind.GIT_EMAIL, AliasKind.GIT_EMAIL.normalize(a.email()));
      if (id.value() == null || resolver.developerOf(id).orElse(-1) != developerId) {
        continue;
      }
      commits += a.commits();
      gitFirst = min(gitFirst, a.firstSeen());
      gitLast = max(gitLast, a.lastSeen());
      by.merge(TelemetryStatus.GIT + id, new Identified(TelemetryStatus.GIT, id.kind().wire(), null, id.value(), text(a.firstSeen()),
          text(a.lastSeen())), TelemetryStatuses::widen);
    }
    return new TelemetryStatus(first, last, received, recent(seen, ClientSeen::version), recent(seen, ClientSeen::terminal),
        List.copyOf(by.values()), admin, new Git(commits, gitFirst, gitLast));
  }

  private static AdminApi adminApi(List<ActorDays> mine, ActorDays total) {
    if (mine.isEmpty()) {
      return new AdminApi(0, null, null);
    }
    if (total != null) {
      return new AdminApi(total.days(), total.firstDay(), total.lastDay());
    }
    ActorDays only = mine.getFirst(); // one actor: its days are already distinct
    return new AdminApi(mine.stream().mapToLong(ActorDays::days).sum(), only.firstDay(), only.lastDay());
  }

  static RawId actorId(ActorDays a) {
    return a.type() == ActorType.USER ? new RawId(AliasKind.EMAIL, AliasKind.EMAIL.normalize(a.actor()))
        : new RawId(AliasKind.API_KEY_NAME, AliasKind.API_KEY_NAME.normalize(a.actor()));
  }

  /** The first identifier in order of evidence that an alias claims: the one the resolver went by. */
  static RawId winning(IdentityResolver resolver, Identity identity) {
    return IdentityResolver.evidence(identity).stream().filter(resolver::claimed).findFirst().orElseThrow();
  }

  /** Where the identifier was read, in the words of the settings that put it there. */
  static String attribute(Identity i, RawId id) {
    if (id.kind() == AliasKind.EMAIL) {
      if (id.value().equals(Emails.normalize(i.email()))) {
        return "user.email";
      }
      return id.value().equals(Emails.normalize(i.headerEmail())) ? "X-Yardstick-User-Email" : "service.name";
    }
    return switch (id.kind()) {
      case ACCOUNT_UUID -> "user.account_uuid";
      case ACCOUNT_ID -> "user.account_id";
      case USER_ID -> "user.id";
      case SERVICE_NAME -> "service.name";
      default -> null;
    };
  }

  /** Distinct non-empty values, the most recently seen first. */
  private static List<String> recent(List<ClientSeen> seen, java.util.function.Function<ClientSeen, String> value) {
    Map<String, Instant> last = new HashMap<>();
    for (ClientSeen c : seen) {
      String v = value.apply(c);
      if (v != null && !v.isEmpty()) {
        last.merge(v, c.lastSeen(), TelemetryStatuses::max);
      }
    }
    return last.entrySet().stream()
        .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  private static Identified widen(Identified a, Identified b) {
    return new Identified(a.path(), a.kind(), a.attribute(), a.value(), minText(a.firstSeen(), b.firstSeen()),
        maxText(a.lastSeen(), b.lastSeen()));
  }

  private static String minText(String a, String b) {
    return a == null ? b : b == null ? a : Instant.parse(a).isBefore(Instant.parse(b)) ? a : b;
  }

  private static String maxText(String a, String b) {
    return a == null ? b : b == null ? a : Instant.parse(a).isAfter(Instant.parse(b)) ? a : b;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
