package dev.yardstick.ingest.anthropic;

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.AdminUsage.ToolCounts;
import dev.yardstick.model.Plausibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure: rows of one day with the same (actor, terminal, remote) key summed into one, models by model. */
final class AdminRows {
  private AdminRows() {}

  static Collection<AdminUsage> aggregate(List<AdminUsage> rows) {
    Map<List<Object>, AdminUsage> out = new LinkedHashMap<>();
    for (AdminUsage r : rows) {
      out.merge(List.of(r.day(), r.actorType(), r.actor(), r.terminalType(), r.remote()), r, AdminRows::sum);
    }
    return out.values();
  }

  private static AdminUsage sum(AdminUsage a, AdminUsage b) {
    Map<String, ToolCounts> tools = new LinkedHashMap<>(a.toolActions());
    b.toolActions().forEach((k, v) -> tools.merge(k, v,
        (x, y) -> new ToolCounts(add(x.accepted(), y.accepted()), add(x.rejected(), y.rejected()))));
    Map<String, ModelUsage> models = new LinkedHashMap<>();
    List<ModelUsage> all = new ArrayList<>(a.models());
    all.addAll(b.models());
    for (ModelUsage m : all) {
      models.merge(m.model(), m, (x, y) -> new ModelUsage(x.model(), add(x.input(), y.input()), add(x.output(), y.output()),
          add(x.cacheRead(), y.cacheRead()), add(x.cacheCreation(), y.cacheCreation()), Plausibility.sum(x.costUsd(), y.costUsd())));
    }
    return new AdminUsage(a.day(), a.actorType(), a.actor(), a.terminalType(), a.remote(),
        a.customerType() != null ? a.customerType() : b.customerType(), add(a.sessions(), b.sessions()),
        add(a.linesAdded(), b.linesAdded()), add(a.linesRemoved(), b.linesRemoved()), add(a.commits(), b.commits()),
        add(a.pullRequests(), b.pullRequests()), tools, List.copyOf(models.values()));
  }

  // each row is within its plausibility limits; the sum of a few still saturates rather than wrap
  private static long add(long a, long b) {
    return Plausibility.sum(a, b);
  }
}
