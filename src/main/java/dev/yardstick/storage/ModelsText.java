package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ModelUsage;
import java.util.ArrayList;
import java.util.List;

/** An Admin API row's per-model tokens and cost as "model=input/output/cacheRead/cacheCreation/costUsd;...". */
final class ModelsText {
  private ModelsText() {}

  static String encode(List<ModelUsage> models) {
    StringBuilder sb = new StringBuilder();
    for (ModelUsage m : models) {
      sb.append(sb.isEmpty() ? "" : ";").append(m.model().replace(";", "_").replace("=", "_")).append('=')
          .append(m.input()).append('/').append(m.output()).append('/').append(m.cacheRead()).append('/')
          .append(m.cacheCreation()).append('/').append(m.costUsd());
    }
    return sb.length() > 4000 ? sb.substring(0, 4000) : sb.toString();
  }

  static List<ModelUsage> decode(String s) {
    List<ModelUsage> out = new ArrayList<>();
    if (s == null || s.isEmpty()) {
      return out;
    }
    for (String part : s.split(";")) {
      int eq = part.lastIndexOf('=');
      String[] v = part.substring(eq + 1).split("/");
      if (eq > 0 && v.length == 5) {
        out.add(new ModelUsage(part.substring(0, eq), Long.parseLong(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]),
            Long.parseLong(v[3]), Double.parseDouble(v[4])));
      }
    }
    return out;
  }
}
