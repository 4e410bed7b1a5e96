package dev.yardstick;

import dev.yardstick.storage.RemovalLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A removal as the command line prints it: what went from each source, and the figures that went down. */
final class RemovalText {
  private RemovalText() {}

  static String of(RemovalLog.Entry e) {
    StringBuilder sb = new StringBuilder(e.dryRun()
        ? "Dry run: this is what would go; nothing was removed (removal " + e.id() + " in the audit log).\n"
        : "Removed (removal " + e.id() + " in the audit log):\n");
    Map<String, Object> t = map(e.outcome().get("telemetry"));
    if (t != null) {
      sb.append("Telemetry: ").append(n(t.get("factGroups"), "fact group")).append(" (").append(n(t.get("points"), "point"))
          .append(", ").append(n(t.get("events"), "event")).append(')').append(days(t)).append("; ")
          .append(n(t.get("dayRowsRebuilt"), "day row")).append(" rebuilt\n");
      for (Object o : list(t.get("ingestTokens"))) {
        Map<String, Object> k = map(o);
        sb.append("  ingest token ").append(k.get("id") == null ? "" : k.get("id") + " ").append('(').append(k.get("name"))
            .append("): ").append(n(k.get("factGroups"), "fact group")).append('\n');
      }
      for (Object o : list(t.get("identities"))) {
        Map<String, Object> i = map(o);
        List<String> ids = new ArrayList<>();
        list(i.get("identifiers")).forEach(x -> ids.add(map(x).get("kind") + "=" + map(x).get("value")));
        sb.append("  identity ").append(i.get("id")).append(' ').append(String.join(" ", ids))
            .append(i.get("developer") == null ? "" : " (developer " + i.get("developer") + ")").append(": ")
            .append(n(i.get("factGroups"), "fact group")).append('\n');
      }
      sb.append(figures(map(t.get("figures"))));
    }
    Map<String, Object> a = map(e.outcome().get("adminApi"));
    if (a != null) {
      sb.append("Admin API: ").append(n(a.get("rows"), "row")).append(days(a)).append('\n');
      for (Object o : list(a.get("actors"))) {
        Map<String, Object> x = map(o);
        sb.append("  ").append(x.get("kind")).append('=').append(x.get("value"))
            .append(x.get("developer") == null ? "" : " (developer " + x.get("developer") + ")").append(": ")
            .append(n(x.get("rows"), "row")).append('\n');
      }
      sb.append(figures(map(a.get("figures"))));
    }
    return sb.toString();
  }

  /** One line of the audit log. */
  static String line(RemovalLog.Entry e) {
    String what = e.outcome() == null ? "" : count(e.outcome().get("telemetry"), "factGroups", "fact group")
        + count(e.outcome().get("adminApi"), "rows", "Admin API row");
    String how = switch (e.state()) {
      case "done" -> e.dryRun() ? "dry run, would remove" : "removed";
      case "failed" -> "failed (" + e.error() + "), had asked for";
      default -> e.state();
    };
    return "#" + e.id() + " " + e.requestedAt() + " by " + e.by().kind() + " " + e.by().name() + ": " + how + what
        + " with " + e.filter();
  }

  private static String count(Object source, String key, String unit) {
    Map<String, Object> m = map(source);
    return m == null ? "" : " " + n(m.get(key), unit);
  }

  private static String n(Object count, String unit) {
    return count + " " + unit + (count instanceof Number x && x.longValue() == 1 ? "" : "s");
  }

  private static String days(Map<String, Object> m) {
    List<Object> d = list(m.get("days"));
    return d.isEmpty() ? "" : d.size() == 1 ? " on " + d.getFirst() : " on " + d.size() + " days from " + d.getFirst() + " to " + d.getLast();
  }

  /** The figures that are not 0, as {@code name value}; tokens as tokens.input and so on. */
  private static String figures(Map<String, Object> f) {
    List<String> parts = new ArrayList<>();
    f.forEach((name, v) -> {
      if (v instanceof Map<?, ?> nested) {
        nested.forEach((k, x) -> add(parts, name + "." + k, x));
      } else {
        add(parts, name, v);
      }
    });
    return "  figures that go down: " + (parts.isEmpty() ? "none" : String.join(", ", parts)) + "\n";
  }

  private static void add(List<String> parts, String name, Object v) {
    if (v instanceof Number n && n.doubleValue() != 0) {
      parts.add(name + " " + n);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }
}
