package dev.yardstick.storage;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.Identity;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.Signal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A fact group as stored, read back to be removed or to rebuild day rows from.
 *
 * @param group its points or events with the session they came with (the identity itself is not needed:
 *     the group belongs to {@code identityId})
 * @param tokenId the ingest token it came with; null when stored before tokens were recorded
 */
record StoredFact(Key key, Signal signal, long identityId, LocalDate firstDay, int itemCount, String tokenId,
    Instant receivedAt, FactGroup group) {

  /** The primary key of a fact group (within its organization). */
  record Key(long minTimeNanos, long hi, long lo) {
    static final Comparator<Key> ORDER = Comparator.comparingLong(Key::minTimeNanos).thenComparingLong(Key::hi)
        .thenComparingLong(Key::lo);
  }

  static final String COLUMNS = "min_time_ns, key_hi, key_lo, signal, identity_id, first_day, item_count, ingest_token_id,"
      + " received_at, session_id, terminal_type, app_version, attributes, payload";

  /** Reads a row of {@link #COLUMNS}. */
  static StoredFact read(ResultSet rs) throws SQLException {
    Key key = new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    Signal signal = rs.getString(4).charAt(0) == Signal.LOGS.code() ? Signal.LOGS : Signal.METRICS;
    SessionContext ctx = new SessionContext(Identity.UNKNOWN, rs.getString(10), rs.getString(11), rs.getString(12),
        FactPayloads.attributes(rs.getString(13)));
    String payload = rs.getString(14);
    FactGroup group = signal == Signal.METRICS
        ? new FactGroup(ctx, FactPayloads.points(payload), List.of(), key.hi(), key.lo())
        : new FactGroup(ctx, List.of(), FactPayloads.events(payload), key.hi(), key.lo());
    return new StoredFact(key, signal, rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getString(8),
        rs.getObject(9, OffsetDateTime.class).toInstant(), group);
  }
}
