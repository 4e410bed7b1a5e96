package dev.yardstick.tokens;

import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.model.Identity;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Pure: who sent data with a token, resolved now (so linking an alias later re-attributes): distinct
 * developers, and apart from them the identities not linked to anyone yet (each counts once).
 */
public record DevelopersSeen(int developers, int unmatchedIdentities) {
  public static final DevelopersSeen NONE = new DevelopersSeen(0, 0);

  public static DevelopersSeen of(List<Identity> identities, IdentityResolver resolver) {
    Set<Long> developers = new HashSet<>();
    Set<Identity> unmatched = new HashSet<>();
    for (Identity id : identities) {
      OptionalLong dev = resolver.developerOf(id);
      if (dev.isPresent()) {
        developers.add(dev.getAsLong());
      } else {
        unmatched.add(id);
      }
    }
    return new DevelopersSeen(developers.size(), unmatched.size());
  }
}
