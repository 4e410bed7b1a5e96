package dev.yardstick.storage;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes points refused against their series' state out of the facts stored earlier in the same
 * transaction. The group keeps its row and key, so a retry of the export is still a duplicate.
 */
final class RefusedPoints {
  private RefusedPoints() {}

  static void dropFromFacts(Connection c, List<CumulativeSeries.Refused> refused) throws SQLException {
    if (refused.isEmpty()) {
      return; // nearly always: only cumulative series whose total leapt get here
    }
    // by instance: a group or point equal to another in content is still another
    Map<FactGroup, Set<MetricPoint>> byGroup = new IdentityHashMap<>();
    Map<FactGroup, Long> orgOf = new IdentityHashMap<>();
    for (CumulativeSeries.Refused r : refused) {
      FactGroup g = r.pending().group();
      byGroup.computeIfAbsent(g, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(r.pending().point());
      orgOf.put(g, r.pending().org());
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE fact_groups SET payload = ?, item_count = ?"
        + " WHERE org_id = ? AND min_time_ns = ? AND key_hi = ? AND key_lo = ?")) {
      for (Map.Entry<FactGroup, Set<MetricPoint>> e : byGroup.entrySet()) {
        FactGroup g = e.getKey();
        List<MetricPoint> kept = new ArrayList<>(g.points());
        kept.removeIf(e.getValue()::contains);
        ps.setString(1, FactJson.points(kept));
        ps.setInt(2, kept.size());
        ps.setLong(3, orgOf.get(g));
        ps.setLong(4, g.minTimeNanos());
        ps.setLong(5, g.keyHi());
        ps.setLong(6, g.keyLo());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
