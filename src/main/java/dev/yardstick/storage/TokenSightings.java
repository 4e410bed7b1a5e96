package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which identity sent data with which ingest token, written in the background like {@link SeenRefresher}:
 * ingest only notes the pair in memory, and a pair already written is written again only when its last
 * seen moved by ten minutes, so a busy sender costs nothing per export.
 */
final class TokenSightings {
  private static final long REFRESH_SECONDS = 600;
  private static final int MAX_WRITTEN = 200_000;

  record Pair(long org, String token, long identity) {}

  private record Seen(Instant first, Instant last) {
    Seen merge(Seen o) {
      return new Seen(first.isBefore(o.first) ? first : o.first, last.isAfter(o.last) ? last : o.last);
    }
  }

  private final Map<Pair, Seen> due = new ConcurrentHashMap<>();
  private final Map<Pair, Instant> written = new ConcurrentHashMap<>();
  private final String insertSql;

  TokenSightings(Dialect dialect) {
    insertSql = dialect.insertIfAbsent("ingest_token_identities", List.of("token_id", "identity_id"),
        List.of("org_id", "token_id", "identity_id", "first_seen", "last_seen"),
        List.of("BIGINT", "VARCHAR(40)", "BIGINT", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE"));
  }

  /** Notes a committed sighting; cheap, called on the ingest path. */
  void saw(Pair p, Instant at) {
    Instant w = written.get(p);
    if (w != null && at.getEpochSecond() < w.getEpochSecond() + REFRESH_SECONDS) {
      return;
    }
    due.merge(p, new Seen(at, at), Seen::merge);
  }

  /** Writes what is due in one transaction; on failure it stays due for the next run. */
  int flush(Database db) throws SQLException {
    List<Map.Entry<Pair, Seen>> taken = new ArrayList<>();
    for (Pair p : new ArrayList<>(due.keySet())) {
      Seen s = due.remove(p);
      if (s != null) {
        taken.add(Map.entry(p, s));
      }
    }
    if (taken.isEmpty()) {
      return 0;
    }
    taken.sort(Comparator.comparing((Map.Entry<Pair, Seen> e) -> e.getKey().token())
        .thenComparingLong(e -> e.getKey().identity())); // one lock order between servers
    try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement(insertSql);
        PreparedStatement update = c.prepareStatement("UPDATE ingest_token_identities SET first_seen = LEAST(first_seen, ?),"
            + " last_seen = GREATEST(last_seen, ?) WHERE token_id = ? AND identity_id = ?")) {
      c.setAutoCommit(false);
      for (Map.Entry<Pair, Seen> e : taken) {
        Pair p = e.getKey();
        insert.setLong(1, p.org());
        insert.setString(2, p.token());
        insert.setLong(3, p.identity());
        insert.setObject(4, e.getValue().first().atOffset(ZoneOffset.UTC));
        insert.setObject(5, e.getValue().last().atOffset(ZoneOffset.UTC));
        insert.addBatch();
        update.setObject(1, e.getValue().first().atOffset(ZoneOffset.UTC));
        update.setObject(2, e.getValue().last().atOffset(ZoneOffset.UTC));
        update.setString(3, p.token());
        update.setLong(4, p.identity());
        update.addBatch();
      }
      insert.executeBatch();
      update.executeBatch();
      c.commit(); // a failed commit rolls back when the pool takes the connection back
    } catch (SQLException | RuntimeException e) {
      taken.forEach(t -> due.merge(t.getKey(), t.getValue(), Seen::merge));
      throw e;
    }
    if (written.size() > MAX_WRITTEN) {
      written.clear(); // far beyond any real organization: start over rather than grow
    }
    taken.forEach(t -> written.put(t.getKey(), t.getValue().last()));
    return taken.size();
  }
}
