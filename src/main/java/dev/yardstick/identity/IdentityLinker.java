package dev.yardstick.identity;

import dev.yardstick.identity.People.RawId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: the links that are safe to make without asking. An anonymous identifier (user.id, account
 * uuid or id) that arrived in the same data as an email a developer owns belongs to that developer,
 * unless it also arrived with another developer's email (a shared machine) or an admin said otherwise.
 */
public final class IdentityLinker {
  private IdentityLinker() {}

  /** A link to make, and the evidence to record with it. */
  public record Proposal(RawId id, long developerId, String evidence) {}

  /** @param refused identifiers an admin ignored or unlinked: never linked automatically */
  public static List<Proposal> propose(List<IdentityRecord> identities, IdentityResolver resolver, Set<RawId> refused) {
    Map<RawId, Set<Long>> owners = new LinkedHashMap<>();
    Map<RawId, String> firstEvidence = new HashMap<>();
    for (IdentityRecord r : identities) {
      if (r.identity().personalToken() != null) {
        continue; // its owner is the token's: its attributes prove nothing about anyone
      }
      List<RawId> evidence = IdentityResolver.evidence(r.identity());
      RawId email = evidence.stream().filter(e -> e.kind() == AliasKind.EMAIL).findFirst().orElse(null);
      OptionalLong dev = email == null ? OptionalLong.empty() : resolver.developerOf(email);
      if (dev.isEmpty()) {
        continue;
      }
      for (RawId e : evidence) {
        if (e.kind() == AliasKind.USER_ID || e.kind() == AliasKind.ACCOUNT_UUID || e.kind() == AliasKind.ACCOUNT_ID) {
          owners.computeIfAbsent(e, k -> new TreeSet<>()).add(dev.getAsLong());
          firstEvidence.putIfAbsent(e, label(e.kind()) + " " + e.value() + " arrived with email " + email.value()
              + " (first seen " + r.firstSeen() + ")");
        }
      }
    }
    List<Proposal> out = new ArrayList<>();
    owners.forEach((id, devs) -> {
      if (devs.size() == 1 && !resolver.claimed(id) && !refused.contains(id)) {
        out.add(new Proposal(id, devs.iterator().next(), firstEvidence.get(id)));
      }
    });
    return out;
  }

  static String label(AliasKind kind) {
    return switch (kind) {
      case USER_ID -> "user.id";
      case ACCOUNT_UUID -> "user.account_uuid";
      case ACCOUNT_ID -> "user.account_id";
      case SERVICE_NAME -> "service.name";
      case API_KEY_NAME -> "API key";
      case GIT_EMAIL -> "git author email";
      case EMAIL -> "email";
      case INGEST_TOKEN -> "personal ingest token";
    };
  }
}
