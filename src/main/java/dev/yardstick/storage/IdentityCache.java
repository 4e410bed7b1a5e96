package dev.yardstick.storage;

import dev.yardstick.model.Digest;
import dev.yardstick.model.Identity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps raw identities to their row ids, creating rows on first sight. Ids created in a transaction
 * are remembered only after it commits, so a rolled-back transaction leaves no stale id behind.
 */
final class IdentityCache {
  private static final int MAX_ENTRIES = 200_000;

  record Key(long org, long hi, long lo) {
    static Key of(long org, Identity identity) {
      long[] k = new Digest().putIdentity(identity).finish();
      return new Key(org, k[0], k[1]);
    }
  }

  /** What a transaction saw of one identity. */
  static final class Sighting {
    final Identity identity;
    long minNanos = Long.MAX_VALUE;
    long maxNanos = Long.MIN_VALUE;
    String terminal;
    String version;
    final Map<SeenRefresher.Client, SeenRefresher.Span> clients = new HashMap<>(4);

    Sighting(Identity identity) {
      this.identity = identity;
    }

    void saw(long minTime, long maxTime, String terminalType, String appVersion) {
      minNanos = Math.min(minNanos, minTime);
      maxNanos = Math.max(maxNanos, maxTime);
      terminal = terminalType == null ? terminal : terminalType;
      version = appVersion == null ? version : appVersion;
      SeenRefresher.Client c = SeenRefresher.Client.of(appVersion, terminalType);
      if (c != null && (clients.containsKey(c) || clients.size() < SeenRefresher.MAX_CLIENTS)) {
        clients.merge(c, new SeenRefresher.Span(minTime, maxTime), SeenRefresher.Span::merge);
      }
    }
  }

  private record Entry(long id) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final SeenRefresher refresher;
  private final String insertSql;

  IdentityCache(Dialect dialect, SeenRefresher refresher) {
    this.refresher = refresher;
    insertSql = dialect.insertIfAbsent("identities", List.of("org_id", "key_hi", "key_lo"),
        List.of("org_id", "key_hi", "key_lo", "email", "header_email", "service_name", "account_uuid", "account_id",
            "user_id", "claude_org_id", "first_seen", "last_seen", "last_terminal_type", "last_app_version", "personal_token"),
        List.of("BIGINT", "BIGINT", "BIGINT", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)",
            "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE",
            "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(40)"));
  }

  /**
   * Ids for every sighting, in the open transaction; call {@link Pending#commit()} after it commits.
   * Every sighting goes to the seen writer (received now): it merges them per identity, so the
   * database sees one update per active identity per run, and the live check sees every export.
   */
  Pending resolve(Connection c, Map<Key, Sighting> sightings, long receivedNanos) throws SQLException {
    Map<Key, Long> ids = new HashMap<>();
    Map<Key, Entry> fresh = new HashMap<>();
    List<Key> missing = new ArrayList<>();
    for (Map.Entry<Key, Sighting> e : sightings.entrySet()) {
      Entry cached = entries.get(e.getKey());
      if (cached == null) {
        missing.add(e.getKey());
      } else {
        ids.put(e.getKey(), cached.id());
      }
    }
    if (!missing.isEmpty()) {
      missing.sort(IdentityCache::compare);
      insertMissing(c, missing, sightings);
      selectIds(c, missing, ids);
      missing.forEach(k -> fresh.put(k, new Entry(ids.get(k))));
    }
    List<SeenRefresher.Seen> seen = new ArrayList<>(sightings.size());
    sightings.forEach((k, s) -> seen.add(new SeenRefresher.Seen(ids.get(k), s.minNanos, s.maxNanos, receivedNanos, s.terminal,
        s.version, s.clients)));
    return new Pending(ids, fresh, seen);
  }

  private void insertMissing(Connection c, List<Key> missing, Map<Key, Sighting> sightings) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql)) {
      for (Key k : missing) {
        Sighting s = sightings.get(k);
        Identity id = s.identity;
        ps.setLong(1, k.org());
        ps.setLong(2, k.hi());
        ps.setLong(3, k.lo());
        ps.setString(4, id.email());
        ps.setString(5, id.headerEmail());
        ps.setString(6, id.serviceName());
        ps.setString(7, id.accountUuid());
        ps.setString(8, id.accountId());
        ps.setString(9, id.userId());
        ps.setString(10, id.claudeOrgId());
        ps.setObject(11, Times.utc(s.minNanos));
        ps.setObject(12, Times.utc(s.maxNanos));
        ps.setString(13, s.terminal);
        ps.setString(14, s.version);
        ps.setString(15, id.personalToken());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void selectIds(Connection c, List<Key> keys, Map<Key, Long> ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM identities WHERE org_id = ? AND key_hi = ? AND key_lo = ?")) {
      for (Key k : keys) {
        ps.setLong(1, k.org());
        ps.setLong(2, k.hi());
        ps.setLong(3, k.lo());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("identity row vanished after insert", "40001");
          }
          ids.put(k, rs.getLong(1));
        }
      }
    }
  }

  private static int compare(Key a, Key b) {
    int c = Long.compare(a.org(), b.org());
    c = c != 0 ? c : Long.compare(a.hi(), b.hi());
    return c != 0 ? c : Long.compare(a.lo(), b.lo());
  }

  /** The ids of one transaction; cached entries are updated only by {@link #commit()}. */
  final class Pending {
    final Map<Key, Long> ids;
    private final Map<Key, Entry> fresh;
    private final List<SeenRefresher.Seen> seen;

    private Pending(Map<Key, Long> ids, Map<Key, Entry> fresh, List<SeenRefresher.Seen> seen) {
      this.ids = ids;
      this.fresh = fresh;
      this.seen = seen;
    }

    void commit() {
      if (entries.size() > MAX_ENTRIES) {
        entries.clear(); // far beyond any real organization's identities: start over rather than grow
      }
      entries.putAll(fresh);
      seen.forEach(refresher::add);
    }
  }
}
