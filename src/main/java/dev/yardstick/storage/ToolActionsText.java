package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ToolCounts;
import java.util.Map;
import java.util.TreeMap;

/** tool_actions kept as "tool=accepted/rejected;..." so that tools added to the API later are not lost. */
final class ToolActionsText {
  private ToolActionsText() {}

  static String encode(Map<String, ToolCounts> tools) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(tools).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k.replace(";", "_").replace("=", "_"))
        .append('=').append(v.accepted()).append('/').append(v.rejected()));
    return sb.length() > 4000 ? sb.substring(0, 4000) : sb.toString();
  }

  static Map<String, ToolCounts> decode(String s) {
    Map<String, ToolCounts> out = new TreeMap<>();
    if (s == null || s.isEmpty()) {
      return out;
    }
    for (String part : s.split(";")) {
      int eq = part.lastIndexOf('=');
      int slash = part.lastIndexOf('/');
      if (eq > 0 && slash > eq) {
        out.put(part.substring(0, eq), new ToolCounts(Long.parseLong(part.substring(eq + 1, slash)),
            Long.parseLong(part.substring(slash + 1))));
      }
    }
    return out;
  }
}
