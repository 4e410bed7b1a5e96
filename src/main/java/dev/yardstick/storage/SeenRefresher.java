package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First/last seen, terminal and version of known identities, written in the background: ingest
 * only records what it saw here, and the rollup fold (every few seconds, and at shutdown) writes
 * it. A busy identity then costs one row update per fold instead of one per export; a crash loses
 * at most the last few seconds of this bookkeeping, never a fact.
 */
final class SeenRefresher {
  record Seen(long id, long minNanos, long maxNanos, String terminal, String version) {
    Seen merge(Seen later) {
      return new Seen(id, Math.min(minNanos, later.minNanos), Math.max(maxNanos, later.maxNanos),
          later.terminal == null ? terminal : later.terminal, later.version == null ? version : later.version);
    }
  }

  private final Map<Long, Seen> due = new ConcurrentHashMap<>();

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
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("UPDATE identities SET first_seen = LEAST(first_seen, ?),"
        + " last_seen = GREATEST(last_seen, ?), last_terminal_type = COALESCE(?, last_terminal_type),"
        + " last_app_version = COALESCE(?, last_app_version) WHERE id = ?")) {
      for (Seen s : taken) {
        ps.setObject(1, Times.utc(s.minNanos()));
        ps.setObject(2, Times.utc(s.maxNanos()));
        ps.setString(3, s.terminal());
        ps.setString(4, s.version());
        ps.setLong(5, s.id());
        ps.addBatch();
      }
      c.setAutoCommit(false);
      ps.executeBatch();
      c.commit(); // a failed commit rolls back when the pool takes the connection back
      return taken.size();
    } catch (SQLException | RuntimeException e) {
      taken.forEach(this::add);
      throw e;
    }
  }
}
