package dev.yardstick.storage;

import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rollup increments of one transaction, summed in memory and then written as one upsert per row,
 * in key order so that concurrent servers lock rows in the same order.
 */
final class Rollups {
  record UsageKey(long org, LocalDate day, long identity, String model) {}

  record DecisionKey(long org, LocalDate day, long identity, String tool, String decision, String language, String source) {}

  record EventKey(long org, LocalDate day, long identity, String name) {}

  private static final Comparator<UsageKey> USAGE_ORDER = Comparator.comparingLong(UsageKey::org)
      .thenComparing(UsageKey::day).thenComparingLong(UsageKey::identity).thenComparing(UsageKey::model);
  private static final Comparator<DecisionKey> DECISION_ORDER = Comparator.comparingLong(DecisionKey::org)
      .thenComparing(DecisionKey::day).thenComparingLong(DecisionKey::identity).thenComparing(DecisionKey::tool)
      .thenComparing(DecisionKey::decision).thenComparing(DecisionKey::language).thenComparing(DecisionKey::source);
  private static final Comparator<EventKey> EVENT_ORDER = Comparator.comparingLong(EventKey::org)
      .thenComparing(EventKey::day).thenComparingLong(EventKey::identity).thenComparing(EventKey::name);

  private final Map<UsageKey, double[]> usage = new TreeMap<>(USAGE_ORDER);
  private final Map<DecisionKey, double[]> decisions = new TreeMap<>(DECISION_ORDER);
  private final Map<EventKey, long[]> events = new TreeMap<>(EVENT_ORDER);

  void addUsage(UsageKey key, UsageField field, double increment) {
    usage.computeIfAbsent(key, k -> new double[UsageField.count()])[field.ordinal()] += increment;
  }

  void addDecision(DecisionKey key, double increment) {
    decisions.computeIfAbsent(key, k -> new double[1])[0] += increment;
  }

  void addEvent(EventKey key) {
    events.computeIfAbsent(key, k -> new long[1])[0]++;
  }

  void write(Connection c, Sql sql) throws SQLException {
    if (!usage.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(sql.upsertUsage)) {
        for (Map.Entry<UsageKey, double[]> e : usage.entrySet()) {
          UsageKey k = e.getKey();
          ps.setLong(1, k.org());
          ps.setDate(2, Date.valueOf(k.day()));
          ps.setLong(3, k.identity());
          ps.setString(4, k.model());
          double[] v = e.getValue();
          for (int i = 0; i < v.length; i++) {
            ps.setDouble(5 + i, v[i]);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!decisions.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(sql.upsertDecision)) {
        for (Map.Entry<DecisionKey, double[]> e : decisions.entrySet()) {
          DecisionKey k = e.getKey();
          ps.setLong(1, k.org());
          ps.setDate(2, Date.valueOf(k.day()));
          ps.setLong(3, k.identity());
          ps.setString(4, k.tool());
          ps.setString(5, k.decision());
          ps.setString(6, k.language());
          ps.setString(7, k.source());
          ps.setDouble(8, e.getValue()[0]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!events.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(sql.upsertEvent)) {
        for (Map.Entry<EventKey, long[]> e : events.entrySet()) {
          EventKey k = e.getKey();
          ps.setLong(1, k.org());
          ps.setDate(2, Date.valueOf(k.day()));
          ps.setLong(3, k.identity());
          ps.setString(4, k.name());
          ps.setLong(5, e.getValue()[0]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  /** The SQL these rollups are written with, built once per dialect. */
  static final class Sql {
    final String upsertUsage;
    final String upsertDecision;
    final String upsertEvent;

    Sql(Dialect d) {
      List<String> usageCols = new ArrayList<>();
      for (UsageField f : UsageField.values()) {
        usageCols.add(f.column());
      }
      upsertUsage = d.upsertAdding("usage_daily", List.of("org_id", "usage_day", "identity_id", "model"), usageCols,
          concat(List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)"), nCopies(usageCols.size(), "DOUBLE PRECISION")));
      upsertDecision = d.upsertAdding("edit_decisions_daily",
          List.of("org_id", "usage_day", "identity_id", "tool_name", "decision", "language", "source"), List.of("decisions"),
          List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)", "VARCHAR(512)", "DOUBLE PRECISION"));
      upsertEvent = d.upsertAdding("events_daily", List.of("org_id", "usage_day", "identity_id", "event_name"),
          List.of("events"), List.of("BIGINT", "DATE", "BIGINT", "VARCHAR(512)", "BIGINT"));
    }

    private static List<String> nCopies(int n, String s) {
      String[] a = new String[n];
      Arrays.fill(a, s);
      return List.of(a);
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }
}
