package dev.yardstick.identity;

import dev.yardstick.identity.People.Developer;
import dev.yardstick.identity.People.RawId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: the identifiers no alias claims, with what was seen of them and suggestions, largest first.
 * Nothing is dropped: their data counts as unattributed until an admin links, creates or ignores.
 */
public final class UnmatchedQueue {
  private UnmatchedQueue() {}

  /** One unmatched identifier. */
  public record Entry(RawId id, Set<String> sources, Instant firstSeen, Instant lastSeen, long volume,
      Set<String> clientVersions, Set<String> terminals, List<Suggestion> suggestions) {}

  /**
   * What an admin could do: link to an existing developer, or create one from an email.
   *
   * @param developerId the developer to link to; null for "create"
   */
  public record Suggestion(String action, Long developerId, String email, String reason) {}

  public static List<Entry> build(List<Sighting> sightings, IdentityResolver resolver, Set<RawId> ignored) {
    Map<RawId, Builder> byId = new LinkedHashMap<>();
    for (Sighting s : sightings) {
      RawId key = key(s.evidence(), resolver, ignored);
      if (key != null) {
        byId.computeIfAbsent(key, Builder::new).add(s);
      }
    }
    List<Entry> out = new ArrayList<>();
    for (Builder b : byId.values()) {
      out.add(b.build(suggestions(b, sightings, resolver)));
    }
    out.sort(Comparator.comparingLong(Entry::volume).reversed().thenComparing(e -> e.id().value()));
    return out;
  }

  /** How many entries {@link #build} lists for these sightings' evidence, without building suggestions: cheap for a summary. */
  public static int count(List<List<RawId>> evidence, IdentityResolver resolver, Set<RawId> ignored) {
    Set<RawId> keys = new java.util.HashSet<>();
    for (List<RawId> e : evidence) {
      RawId key = key(e, resolver, ignored);
      if (key != null) {
        keys.add(key);
      }
    }
    return keys.size();
  }

  /** The entry a sighting counts under (its first identifier), or null when someone claims it or an admin ignored it. */
  private static RawId key(List<RawId> evidence, IdentityResolver resolver, Set<RawId> ignored) {
    if (evidence.isEmpty() || evidence.stream().anyMatch(e -> resolver.developerOf(e).isPresent())) {
      return null;
    }
    return ignored.contains(evidence.getFirst()) ? null : evidence.getFirst();
  }

  private static List<Suggestion> suggestions(Builder b, List<Sighting> all, IdentityResolver resolver) {
    List<Suggestion> out = new ArrayList<>();
    RawId id = b.id;
    if (id.kind() == AliasKind.EMAIL || id.kind() == AliasKind.GIT_EMAIL) {
      out.add(new Suggestion("create", null, id.value(), "no developer has this email yet"));
      String first = firstName(id.value());
      for (Developer d : resolver.developers()) {
        if (first.length() >= 3 && first.equals(firstName(d.email()))) {
          out.add(new Suggestion("link", d.id(), d.email(), "the name before the @ starts like " + d.email()));
        }
      }
    }
    // another identifier seen with this one points to its owner, or to an email worth creating
    for (Sighting s : all) {
      if (!s.evidence().contains(id)) {
        continue;
      }
      for (RawId other : s.evidence()) {
        if (other.equals(id)) {
          continue;
        }
        OptionalLong dev = resolver.developerOf(other);
        if (dev.isPresent()) {
          resolver.developer(dev.getAsLong()).ifPresent(d -> add(out, new Suggestion("link", d.id(), d.email(),
              IdentityLinker.label(id.kind()) + " " + id.value() + " also arrived with " + IdentityLinker.label(other.kind())
                  + " " + other.value() + " on " + s.firstSeen())));
        } else if (other.kind() == AliasKind.EMAIL) {
          add(out, new Suggestion("create", null, other.value(),
              IdentityLinker.label(id.kind()) + " " + id.value() + " arrived with email " + other.value()));
        }
      }
    }
    return out;
  }

  /** The first word of an email's local part: jane.doe@x and jane@y both give "jane". */
  private static String firstName(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@')));
    return local.split("[._+-]", 2)[0];
  }

  private static void add(List<Suggestion> out, Suggestion s) {
    if (out.stream().noneMatch(o -> o.action().equals(s.action()) && java.util.Objects.equals(o.email(), s.email()))) {
      out.add(s);
    }
  }

  private static final class Builder {
    final RawId id;
    final Set<String> sources = new TreeSet<>();
    final Set<String> versions = new TreeSet<>();
    final Set<String> terminals = new TreeSet<>();
    Instant first;
    Instant last;
    long volume;

    Builder(RawId id) {
      this.id = id;
    }

    void add(Sighting s) {
      sources.add(s.source());
      if (s.clientVersion() != null) {
        versions.add(s.clientVersion());
      }
      if (s.terminalType() != null) {
        terminals.add(s.terminalType());
      }
      first = first == null || (s.firstSeen() != null && s.firstSeen().isBefore(first)) ? s.firstSeen() : first;
      last = last == null || (s.lastSeen() != null && s.lastSeen().isAfter(last)) ? s.lastSeen() : last;
      volume += s.volume();
    }

    Entry build(List<Suggestion> suggestions) {
      return new Entry(id, sources, first, last, volume, versions, terminals, suggestions);
    }
  }
}
