package dev.yardstick.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whether a database already holds data someone put there (the demo refuses to mix itself into it). */
public final class RealData {
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("developers", "developers");
    TABLES.put("teams", "teams");
    TABLES.put("fact_groups", "telemetry");
    TABLES.put("identities", "telemetry identities");
    TABLES.put("commits", "commits");
    TABLES.put("repositories", "repositories");
    TABLES.put("anthropic_activity", "Admin API rows");
  }

  private RealData() {}

  /** What kinds of data the database holds, e.g. ["developers", "commits"]; empty when it holds none. */
  public static List<String> present(Database db) {
    List<String> out = new ArrayList<>();
    db.jdbi().useHandle(h -> TABLES.forEach((table, what) -> {
      if (h.createQuery("SELECT 1 FROM " + table).setMaxRows(1).mapTo(Integer.class).findFirst().isPresent()) {
        out.add(what);
      }
    }));
    return out;
  }
}
