package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** A daily rollup table: key columns that identify a row, and value columns that are added up. */
record RollupTable(char code, String name, List<String> keys, List<String> keyTypes, List<String> values, String valueType) {
  static final RollupTable USAGE = new RollupTable('U', "usage_daily",
      List.of("org_id", "usage_day", "identity_id", "model"), List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)"),
      Stream.of(UsageField.values()).map(UsageField::column).toList(), "DOUBLE PRECISION");
  static final RollupTable DECISIONS = new RollupTable('D', "edit_decisions_daily",
      List.of("org_id", "usage_day", "identity_id", "tool_name", "decision", "language", "source"),
      List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)"),
      List.of("decisions"), "DOUBLE PRECISION");
  static final RollupTable EVENTS = new RollupTable('E', "events_daily",
      List.of("org_id", "usage_day", "identity_id", "event_name"), List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)"),
      List.of("events"), "BIGINT");
  static final List<RollupTable> ALL = List.of(USAGE, DECISIONS, EVENTS);

  static RollupTable byCode(char code) {
    for (RollupTable t : ALL) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("no rollup table " + code);
  }

  String insertSql() {
    List<String> columns = columns();
    return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
  }

  /** Adds to the values of the row with the given key: the values' parameters first, then the key's. */
  String updateAddingSql() {
    return "UPDATE " + name + " SET " + String.join(", ", values.stream().map(v -> v + " = " + v + " + ?").toList())
        + " WHERE " + String.join(" AND ", keys.stream().map(k -> k + " = ?").toList());
  }

  /** PostgreSQL's insert that adds to an existing row with the same key, atomically between servers. */
  String insertOrAddSql() {
    return insertSql() + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
        + String.join(", ", values.stream().map(v -> v + " = " + name + "." + v + " + EXCLUDED." + v).toList());
  }

  private List<String> columns() {
    List<String> all = new ArrayList<>(keys);
    all.addAll(values);
    return all;
  }
}
