package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rollup increments summed in memory: those of one ingest transaction, or of many being folded in. */
final class Rollups {
  // by identity: the tables are constants, and a record's hash would walk all its lists on every add
  private final Map<RollupTable, Map<List<Object>, double[]>> rows = new IdentityHashMap<>();

  void addUsage(long org, LocalDate day, long identity, String model, UsageField field, double increment) {
    row(RollupTable.USAGE, List.of(org, day, identity, model))[field.ordinal()] += increment;
  }

  void addDecision(long org, LocalDate day, long identity, String tool, String decision, String language, String source,
      double increment) {
    row(RollupTable.DECISIONS, List.of(org, day, identity, tool, decision, language, source))[0] += increment;
  }

  void addEvent(long org, LocalDate day, long identity, String name) {
    row(RollupTable.EVENTS, List.of(org, day, identity, name))[0]++;
  }

  void add(RollupTable table, List<Object> key, double[] values) {
    double[] row = row(table, key);
    for (int i = 0; i < values.length; i++) {
      row[i] += values[i];
    }
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows of one table, key to values. */
  Map<List<Object>, double[]> rows(RollupTable table) {
    return rows.getOrDefault(table, Map.of());
  }

  private double[] row(RollupTable table, List<Object> key) {
    return rows.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(key, k -> new double[table.values().size()]);
  }

  /** Appends these increments to rollup_pending, one row per organization, in the caller's transaction. */
  void writePending(Connection c) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<Long, Map<RollupTable, Map<List<Object>, double[]>>> byOrg = new TreeMap<>();
    rows.forEach((table, tableRows) -> tableRows.forEach((key, values) -> byOrg
        .computeIfAbsent((Long) key.get(0), o -> new IdentityHashMap<>())
        .computeIfAbsent(table, t -> new HashMap<>()).put(key, values)));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup_pending (org_id, increments) VALUES (?, ?)")) {
      for (Map.Entry<Long, Map<RollupTable, Map<List<Object>, double[]>>> e : byOrg.entrySet()) {
        ps.setLong(1, e.getKey());
        ps.setString(2, RollupCodec.encode(e.getValue()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Adds these increments to the rollup tables, one upsert per row, in key order (the lock order between servers). */
  void upsert(Connection c, Dialect dialect) throws SQLException {
    for (RollupTable table : RollupTable.ALL) {
      Map<List<Object>, double[]> tableRows = rows.get(table);
      if (tableRows == null) {
        continue;
      }
      Map<List<Object>, double[]> sorted = new TreeMap<>(KEY_ORDER);
      sorted.putAll(tableRows);
      if (dialect == Dialect.H2) {
        updateThenInsert(c, table, sorted);
        continue;
      }
      try (PreparedStatement ps = c.prepareStatement(table.insertOrAddSql())) {
        for (Map.Entry<List<Object>, double[]> r : sorted.entrySet()) {
          bind(ps, table, r.getKey(), r.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /**
   * H2 (one process) adds to the rows that exist and inserts the rest: its MERGE planned a join per
   * row and cost three times as much. An insert racing the fold fails its transaction, which is retried.
   */
  private static void updateThenInsert(Connection c, RollupTable table, Map<List<Object>, double[]> rows) throws SQLException {
    List<Map.Entry<List<Object>, double[]>> entries = new ArrayList<>(rows.entrySet());
    int[] updated;
    try (PreparedStatement ps = c.prepareStatement(table.updateAddingSql())) {
      for (Map.Entry<List<Object>, double[]> r : entries) {
        int i = bindValues(ps, 1, table, r.getValue());
        bindKey(ps, i, r.getKey());
        ps.addBatch();
      }
      updated = ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(table.insertSql())) {
      boolean any = false;
      for (int r = 0; r < entries.size(); r++) {
        if (updated[r] == 0) {
          bind(ps, table, entries.get(r).getKey(), entries.get(r).getValue());
          ps.addBatch();
          any = true;
        }
      }
      if (any) {
        ps.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement ps, RollupTable table, List<Object> key, double[] values) throws SQLException {
    bindValues(ps, bindKey(ps, 1, key), table, values);
  }

  /** Binds the key parts from parameter {@code i}; returns the next parameter. */
  private static int bindKey(PreparedStatement ps, int i, List<Object> key) throws SQLException {
    for (Object part : key) {
      switch (part) {
        case Long l -> ps.setLong(i++, l);
        case LocalDate d -> ps.setDate(i++, Date.valueOf(d));
        default -> ps.setString(i++, (String) part);
      }
    }
    return i;
  }

  private static int bindValues(PreparedStatement ps, int i, RollupTable table, double[] values) throws SQLException {
    for (double v : values) {
      if (table.valueType().equals("BIGINT")) {
        ps.setLong(i++, Math.round(v));
      } else {
        ps.setDouble(i++, v);
      }
    }
    return i;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < a.size(); i++) {
      int c = ((Comparable) a.get(i)).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };
}
