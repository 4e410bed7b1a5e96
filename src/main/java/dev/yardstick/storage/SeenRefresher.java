package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First/last seen, last received, terminal and version of known identities, and the client versions
 * and terminals each was seen with, written in the background: ingest only records what it saw here,
 * and the seen writer (every second, and at shutdown) writes it. A busy identity then costs one row
 * update per run instead of one per export; a crash loses at most the last second of this
 * bookkeeping, never a fact.
 */
final class SeenRefresher {
  /** Client rows kept per identity: real developers use a handful; a hostile client cannot grow the table past this. */
  static final int MAX_CLIENTS = 20;

  /** A client version and terminal ('' when the export did not say). */
  record Client(String version, String terminal) {
    static Client of(String version, String terminal) {
      return version == null && terminal == null ? null : new Client(version == null ? "" : version, terminal == null ? "" : terminal);
    }
  }

  /** The event-time span a client was seen in: [min, max] nanos. */
  record Span(long minNanos, long maxNanos) {
    Span merge(Span o) {
      return new Span(Math.min(minNanos, o.minNanos), Math.max(maxNanos, o.maxNanos));
    }
  }

  record Seen(long id, long minNanos, long maxNanos, long receivedNanos, String terminal, String version, Map<Client, Span> clients) {
    Seen merge(Seen later) {
      Map<Client, Span> both = new HashMap<>(clients);
      later.clients.forEach((c, s) -> {
        if (both.containsKey(c) || both.size() < MAX_CLIENTS) {
          both.merge(c, s, Span::merge);
        }
      });
      return new Seen(id, Math.min(minNanos, later.minNanos), Math.max(maxNanos, later.maxNanos),
          Math.max(receivedNanos, later.receivedNanos), later.terminal == null ? terminal : later.terminal,
          later.version == null ? version : later.version, both);
    }
  }

  private final Map<Long, Seen> due = new ConcurrentHashMap<>();
  private final Dialect dialect;

  SeenRefresher(Dialect dialect) {
    this.dialect = dialect;
  }

  void add(Seen seen) {
    due.merge(seen.id(), seen, Seen::merge);
  }

  /** Writes what is due in one transaction; on failure it stays due for the next run. */
  int flush(Database db) throws SQLException {
    List<Seen> taken = new ArrayList<>();
    for (Long id : new ArrayList<>(due.keySet())) {
      Seen s = due.remove(id);
      if (s != null) {
        taken.add(s);
      }
    }
    if (taken.isEmpty()) {
      return 0;
    }
    taken.sort((a, b) -> Long.compare(a.id(), b.id())); // one lock order between servers
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      updateIdentities(c, taken);
      ClientRows.write(c, dialect, taken);
      c.commit(); // a failed commit rolls back when the pool takes the connection back
      return taken.size();
    } catch (SQLException | RuntimeException e) {
      taken.forEach(this::add);
      throw e;
    }
  }

  private static void updateIdentities(Connection c, List<Seen> taken) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE identities SET first_seen = LEAST(first_seen, ?),"
        + " last_seen = GREATEST(last_seen, ?), last_received = GREATEST(COALESCE(last_received, ?), ?),"
        + " last_terminal_type = COALESCE(?, last_terminal_type), last_app_version = COALESCE(?, last_app_version) WHERE id = ?")) {
      for (Seen s : taken) {
        ps.setObject(1, Times.utc(s.minNanos()));
        ps.setObject(2, Times.utc(s.maxNanos()));
        ps.setObject(3, Times.utc(s.receivedNanos()));
        ps.setObject(4, Times.utc(s.receivedNanos()));
        ps.setString(5, s.terminal());
        ps.setString(6, s.version());
        ps.setLong(7, s.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
