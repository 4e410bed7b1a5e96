package dev.yardstick.storage;

import dev.yardstick.storage.SeenRefresher.Client;
import dev.yardstick.storage.SeenRefresher.Seen;
import dev.yardstick.storage.SeenRefresher.Span;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * identity_clients, inside the seen writer's transaction: known clients have their span widened, new
 * ones are inserted only while the identity has fewer than {@link SeenRefresher#MAX_CLIENTS} rows.
 */
final class ClientRows {
  private ClientRows() {}

  private record Row(long identity, Client client, Span span) {}

  private static final String UPDATE = "UPDATE identity_clients SET first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?)"
      + " WHERE identity_id = ? AND app_version = ? AND terminal_type = ?";
  // reads the identity's row by its key so that the SELECT has a FROM on both databases
  private static final String INSERT = "INSERT INTO identity_clients (identity_id, app_version, terminal_type, first_seen, last_seen)"
      + " SELECT id, CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
      + " CAST(? AS TIMESTAMP WITH TIME ZONE) FROM identities WHERE id = ?"
      + " AND (SELECT COUNT(*) FROM identity_clients WHERE identity_id = ?) < " + SeenRefresher.MAX_CLIENTS;

  static void write(Connection c, Dialect dialect, List<Seen> seen) throws SQLException {
    List<Row> rows = new ArrayList<>();
    for (Seen s : seen) {
      for (Map.Entry<Client, Span> e : s.clients().entrySet()) {
        rows.add(new Row(s.id(), e.getKey(), e.getValue()));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    rows.sort(Comparator.comparingLong(Row::identity).thenComparing(r -> r.client().version())
        .thenComparing(r -> r.client().terminal()));
    List<Row> missing = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
      for (Row r : rows) {
        ps.setObject(1, Times.utc(r.span().minNanos()));
        ps.setObject(2, Times.utc(r.span().maxNanos()));
        ps.setLong(3, r.identity());
        ps.setString(4, r.client().version());
        ps.setString(5, r.client().terminal());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          missing.add(rows.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    // one at a time: each insert's count must see the rows the previous ones added
    try (PreparedStatement ps = c.prepareStatement(INSERT + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : ""))) {
      for (Row r : missing) {
        ps.setString(1, r.client().version());
        ps.setString(2, r.client().terminal());
        ps.setObject(3, Times.utc(r.span().minNanos()));
        ps.setObject(4, Times.utc(r.span().maxNanos()));
        ps.setLong(5, r.identity());
        ps.setLong(6, r.identity());
        ps.executeUpdate();
      }
    }
  }
}
