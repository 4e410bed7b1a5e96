package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Decision;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.DemoOrg.ModelUse;
import dev.yardstick.demo.DemoOrg.Usage;
import dev.yardstick.model.AdminUsage;
import dev.yardstick.storage.AnthropicStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Admin-API-only developers' days, stored through the same call the Anthropic sync makes after its HTTP client. */
public final class AdminApiLoader {
  /** Claude Code's tool name to its Admin API key, the inverse of the mapping the acceptance figures read it by. */
  private static final Map<String, String> TOOL_KEYS = AdminUsage.EDIT_TOOLS.stream()
      .collect(java.util.stream.Collectors.toMap(dev.yardstick.metrics.adoption.Acceptance::tool, k -> k));

  private AdminApiLoader() {}

  /** @return how many rows were stored */
  public static long load(AnthropicStore store, long org, DemoOrg demo, Progress progress) {
    Map<LocalDate, List<AdminUsage>> byDay = new TreeMap<>();
    for (Day d : demo.days()) {
      Developer dev = demo.developers().get(d.developer());
      if (d.usage() != null && (dev.source() == DemoOrg.Source.ADMIN_API_USER || dev.source() == DemoOrg.Source.ADMIN_API_KEY)) {
        byDay.computeIfAbsent(d.day(), k -> new ArrayList<>()).add(row(dev, d.day(), d.usage()));
      }
    }
    long rows = 0;
    int done = 0;
    for (Map.Entry<LocalDate, List<AdminUsage>> e : byDay.entrySet()) {
      store.replaceDay(org, e.getKey(), e.getValue());
      rows += e.getValue().size();
      progress.update(++done, byDay.size());
    }
    return rows;
  }

  static AdminUsage row(Developer dev, LocalDate day, Usage u) {
    Map<String, long[]> tools = new LinkedHashMap<>();
    for (Decision x : u.decisions()) {
      long[] c = tools.computeIfAbsent(TOOL_KEYS.get(x.tool()), k -> new long[2]);
      c[x.decision().equals("accept") ? 0 : 1] += x.count();
    }
    Map<String, AdminUsage.ToolCounts> actions = new LinkedHashMap<>();
    tools.forEach((k, c) -> actions.put(k, new AdminUsage.ToolCounts(c[0], c[1])));
    List<AdminUsage.ModelUsage> models = new ArrayList<>();
    for (ModelUse m : u.models()) {
      models.add(new AdminUsage.ModelUsage(m.model(), m.input(), m.output(), m.cacheRead(), m.cacheCreation(),
          m.costMicros() / 1e6));
    }
    boolean key = dev.source() == DemoOrg.Source.ADMIN_API_KEY;
    return new AdminUsage(day, key ? AdminUsage.ActorType.API : AdminUsage.ActorType.USER, key ? dev.apiKeyName() : dev.email(),
        "vscode", false, "api", u.sessions(), u.linesAdded(), u.linesRemoved(), u.commits(), u.pullRequests(), actions, models);
  }
}
