package dev.yardstick.web.pages;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a form post without JavaScript must show after its 303 (a token shown once, a revocation to confirm),
 * kept in memory for one session and one section for a minute and given out once: never in the URL.
 */
public final class TokenFlash {
  private static final long TTL_NANOS = 60_000_000_000L;

  /** A token shown once (secret null when none), a token to confirm revoking (null when none), an error. */
  public record Flash(String shownId, String shownName, String secret, String oldStops, String confirmRevoke, String error) {}

  private record Entry(Flash flash, long at) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  void put(String session, String section, Flash f) {
    long now = System.nanoTime();
    entries.values().removeIf(e -> now - e.at() > TTL_NANOS); // small: one entry per recent post
    entries.put(session + " " + section, new Entry(f, now));
  }

  Optional<Flash> take(String session, String section) {
    Entry e = entries.remove(session + " " + section);
    return e == null || System.nanoTime() - e.at() > TTL_NANOS ? Optional.empty() : Optional.of(e.flash());
  }
}
