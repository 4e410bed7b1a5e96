package dev.yardstick.storage;

import dev.yardstick.model.Plausibility;
import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes identities' day rows: a transaction's increments are added to the totals and merged into
 * the row's detail. The detail and revision of rows written lately are remembered (after commit), so
 * that a busy day costs one statement and no read; the revision guards against another writer (a
 * server sharing PostgreSQL), and a row found changed is read under lock and merged again.
 */
final class IdentityDays {
  private static final int REMEMBERED_ROWS = 16_384;
  static final List<String> TOTALS = Stream.concat(Stream.of(UsageField.values()).map(UsageField::column),
      Stream.of("events")).toList();
  private static final String COLUMNS = "id, org_id, usage_day, identity_id, " + String.join(", ", TOTALS) + ", detail, rev";
  static final String INSERT = "INSERT INTO identity_days (" + COLUMNS + ") VALUES ("
      + String.join(", ", Collections.nCopies(TOTALS.size() + 6, "?")) + ")";
  /** A row holds data unless a removal emptied it: no total, no event and no detail (reports skip such rows). */
  static final String HOLDS_DATA = "(detail <> '' OR " + String.join(" OR ", TOTALS.stream().map(c -> c + " <> 0").toList()) + ")";
  // totals saturate (Plausibility.MAX_SUM): a sum that overflowed would fail the upsert on PostgreSQL and be Infinity on H2
  private static final String MAX = Long.toString((long) Plausibility.MAX_SUM);
  private static final String ADD = String.join(", ", TOTALS.stream().map(c -> c + " = LEAST(" + c + " + ?, " + MAX + ")").toList());
  private static final String UPDATE = "UPDATE identity_days SET " + ADD + ", detail = ?, rev = ? WHERE id = ?";
  // PostgreSQL: insert, or add to the row found when its revision is the one remembered (else it is only locked)
  private static final String UPSERT = INSERT + " ON CONFLICT (id) DO UPDATE SET "
      + String.join(", ", TOTALS.stream().map(c -> c + " = LEAST(identity_days." + c + " + EXCLUDED." + c + ", " + MAX + ")").toList())
      + ", detail = ?, rev = identity_days.rev + 1 WHERE identity_days.rev = ?";

  /** A row's detail and revision as this process last wrote or read them. */
  record Known(long rev, DayDetail detail) {}

  private final Dialect dialect;
  private final Map<Long, Known> known = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
      return size() > REMEMBERED_ROWS;
    }
  });

  IdentityDays(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Writes the rows in the open transaction, in key order; call {@link Written#commit()} once it commits. */
  Written write(Connection c, DayRows rows) throws SQLException {
    Map<Long, Known> written = new HashMap<>();
    if (!rows.isEmpty()) {
      if (dialect == Dialect.POSTGRESQL) {
        upsertAll(c, rows, written);
      } else {
        writeEach(c, rows, written);
      }
    }
    return new Written(written);
  }

  /** What a transaction wrote, remembered only once it committed (a rolled-back one leaves nothing behind). */
  final class Written {
    private final Map<Long, Known> rows;

    private Written(Map<Long, Known> rows) {
      this.rows = rows;
    }

    void commit() {
      known.putAll(rows);
    }
  }

  // H2: one writer, statements run one at a time anyway: read the row when not remembered, then insert or update it
  private void writeEach(Connection c, DayRows rows, Map<Long, Known> written) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT rev, detail FROM identity_days WHERE id = ?");
        PreparedStatement insert = c.prepareStatement(INSERT);
        PreparedStatement update = c.prepareStatement(UPDATE + " AND rev = ?")) {
      for (DayRows.Row r : rows.rows()) {
        Known k = known.get(r.key);
        if (k == null) {
          k = read(select, r.key);
        }
        if (k == null) {
          bindInsert(insert, 1, r, DayDetailText.encode(r.detail));
          insert.executeUpdate();
          written.put(r.key, new Known(0, r.detail));
          continue;
        }
        Known next = new Known(k.rev() + 1, merged(k, r));
        update.setLong(bindUpdate(update, r, next), k.rev());
        // written by another connection since (a command beside the server): merge into what is there now
        written.put(r.key, update.executeUpdate() == 1 ? next : addUnderLock(c, r));
      }
    }
  }

  private void upsertAll(Connection c, DayRows rows, Map<Long, Known> written) throws SQLException {
    List<DayRows.Row> order = new ArrayList<>(rows.rows());
    List<Known> next = new ArrayList<>(order.size()); // what each row holds if the upsert finds it as remembered
    int[] counts;
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (DayRows.Row r : order) {
        Known k = known.get(r.key);
        Known n = k == null ? new Known(0, r.detail) : new Known(k.rev() + 1, merged(k, r));
        next.add(n);
        int i = bindInsert(ps, 1, r, DayDetailText.encode(r.detail));
        ps.setString(i++, DayDetailText.encode(n.detail()));
        ps.setLong(i, k == null ? -1 : k.rev()); // not remembered: an existing row is only locked, and merged below
        ps.addBatch();
      }
      counts = ps.executeBatch();
    }
    for (int n = 0; n < order.size(); n++) {
      DayRows.Row r = order.get(n);
      switch (counts[n]) {
        case 1 -> written.put(r.key, next.get(n));
        case 0 -> written.put(r.key, addUnderLock(c, r)); // found, not as remembered: locked by the upsert already
        default -> throw new SQLException("the driver did not report which day rows were written", "0A000");
      }
    }
  }

  /** Reads the row under lock, adds the increments and writes it back: what it holds now. */
  private static Known addUnderLock(Connection c, DayRows.Row r) throws SQLException {
    Known now;
    try (PreparedStatement select = c.prepareStatement("SELECT rev, detail FROM identity_days WHERE id = ? FOR UPDATE")) {
      now = read(select, r.key);
    }
    if (now == null) {
      throw new SQLException("identity day row " + r.key + " vanished", "40001"); // retried as a conflict
    }
    Known next = new Known(now.rev() + 1, merged(now, r));
    try (PreparedStatement update = c.prepareStatement(UPDATE)) {
      bindUpdate(update, r, next);
      update.executeUpdate();
    }
    return next;
  }

  private static Known read(PreparedStatement select, long key) throws SQLException {
    select.setLong(1, key);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? new Known(rs.getLong(1), DayDetailText.decode(rs.getString(2))) : null;
    }
  }

  private static DayDetail merged(Known k, DayRows.Row r) {
    DayDetail m = k.detail().copy();
    m.add(r.detail);
    return m;
  }

  static int bindInsert(PreparedStatement ps, int i, DayRows.Row r, String detail) throws SQLException {
    ps.setLong(i++, r.key);
    ps.setLong(i++, r.org);
    ps.setDate(i++, Date.valueOf(r.day));
    ps.setLong(i++, r.identityId);
    i = bindTotals(ps, i, r);
    ps.setString(i++, detail);
    ps.setLong(i++, 0);
    return i;
  }

  private static int bindUpdate(PreparedStatement ps, DayRows.Row r, Known next) throws SQLException {
    int i = bindTotals(ps, 1, r);
    ps.setString(i++, DayDetailText.encode(next.detail()));
    ps.setLong(i++, next.rev());
    ps.setLong(i++, r.key);
    return i;
  }

  private static int bindTotals(PreparedStatement ps, int i, DayRows.Row r) throws SQLException {
    for (double v : r.usage) {
      ps.setDouble(i++, v);
    }
    ps.setLong(i++, r.events);
    return i;
  }
}
