package dev.yardstick.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deterministic Admin API records for a fake: every day, {@code actors} actors (users by email and
 * API keys by name), some with several rows a day (terminal, remote), tools known and unknown, and
 * up to two models. Rows are computed from (day, actor), never stored, so a year of 1,000 actors
 * costs no memory; {@link #totals} adds up what a correct importer must reach.
 */
public final class AdminDataset {
  /**
   * One record as the API returns it (cost in cents); {@code planted} are figures written instead of
   * the row's own (by their name in the record, e.g. "lines_of_code.added"), empty for an honest row.
   */
  public record Row(LocalDate day, boolean user, String actor, String terminal, boolean remote, long sessions, long added,
      long removed, long commits, long prs, Map<String, long[]> tools, List<Model> models, Map<String, Number> planted) {}

  public record Model(String name, long input, long output, long cacheRead, long cacheCreation, long cents) {}

  private final int actors;
  private final long seed;
  private final Map<LocalDate, Integer> growth = new TreeMap<>();
  private final Map<LocalDate, Map<String, Number>> planted = new TreeMap<>();

  public AdminDataset(int actors, long seed) {
    this.actors = actors;
    this.seed = seed;
  }

  public static String email(int i) {
    return "dev" + i + "@example.com";
  }

  public static String keyName(int i) {
    return "ci-key-" + i;
  }

  /** Makes a day's figures grow, as recent days do while the API catches up. */
  public synchronized void grow(LocalDate day) {
    growth.merge(day, 1, Integer::sum);
  }

  /** The day's first row carries {@code value} as {@code field} (an implausible figure); {@link #totals} leave that row out. */
  public synchronized void plant(LocalDate day, String field, Number value) {
    planted.computeIfAbsent(day, d -> new TreeMap<>()).put(field, value);
  }

  public synchronized List<Row> rows(LocalDate day) {
    int g = growth.getOrDefault(day, 0);
    List<Row> out = new ArrayList<>();
    for (int a = 0; a < actors; a++) {
      long h = mix(seed ^ day.toEpochDay() * 1_000_003L ^ a);
      if ((h & 7) == 0) {
        continue; // an actor idle that day
      }
      boolean user = a % 5 != 4;
      String actor = user ? (a % 7 == 0 ? " Dev" + a + "@Example.com " : email(a)) : keyName(a);
      int parts = 1 + (int) ((h >>> 3) % 3); // one to three rows for the actor on the day
      for (int p = 0; p < parts; p++) {
        long r = mix(h + p * 31L + g * 977L);
        Row row = row(day, user, actor, p, r);
        out.add(out.isEmpty() && planted.containsKey(day) ? planted(row, planted.get(day)) : row);
      }
    }
    return out;
  }

  private static Row row(LocalDate day, boolean user, String actor, int part, long r) {
    Map<String, long[]> tools = new TreeMap<>();
    tools.put("edit_tool", new long[] {r % 50, (r >>> 6) % 5});
    if (part != 1) {
      tools.put("write_tool", new long[] {(r >>> 9) % 12, (r >>> 13) % 2});
    }
    if (part == 2) {
      tools.put("multi_edit_tool", new long[] {(r >>> 15) % 9, (r >>> 19) % 3});
      tools.put("notebook_edit_tool", new long[] {0, 0});
    }
    if ((r & 3) == 0) {
      tools.put("shell_tool", new long[] {(r >>> 21) % 7, 1}); // a key the documentation does not list
    }
    List<Model> models = new ArrayList<>();
    models.add(new Model("claude-sonnet-5", 1000 + (r >>> 5) % 200_000, 100 + (r >>> 11) % 40_000,
        (r >>> 17) % 2_000_000, (r >>> 23) % 90_000, (r >>> 29) % 600));
    if ((r & 8) != 0) {
      models.add(new Model("claude-haiku-4-5", (r >>> 7) % 20_000, (r >>> 13) % 3_000, 0, 0, (r >>> 31) % 9));
    }
    String terminal = switch (part) {
      case 0 -> "vscode";
      case 1 -> "iTerm.app";
      default -> "tmux";
    };
    return new Row(day, user, actor, terminal, part == 2, 1 + r % 9, (r >>> 3) % 1500, (r >>> 8) % 400, (r >>> 12) % 6,
        (r >>> 14) % 2, tools, models, Map.of());
  }

  private static Row planted(Row r, Map<String, Number> figures) {
    return new Row(r.day(), r.user(), r.actor(), r.terminal(), r.remote(), r.sessions(), r.added(), r.removed(), r.commits(),
        r.prs(), r.tools(), r.models(), Map.copyOf(figures));
  }

  /** Totals a correct importer reaches over {@code from..to}, keyed as the report names its fields. */
  public Map<String, Double> totals(LocalDate from, LocalDate to) {
    Map<String, Double> t = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      for (Row r : rows(d)) {
        if (!r.planted().isEmpty()) {
          continue; // a correct importer stores no implausible row
        }
        add(t, "sessions", r.sessions());
        add(t, "aiLinesAdded", r.added());
        add(t, "aiLinesRemoved", r.removed());
        add(t, "commitsByClaudeCode", r.commits());
        add(t, "pullRequestsByClaudeCode", r.prs());
        r.tools().forEach((k, v) -> {
          if (List.of("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool").contains(k)) {
            add(t, "editsAccepted", v[0]);
            add(t, "editsRejected", v[1]);
          }
        });
        for (Model m : r.models()) {
          add(t, "tokens.input", m.input());
          add(t, "tokens.output", m.output());
          add(t, "tokens.cacheRead", m.cacheRead());
          add(t, "tokens.cacheCreation", m.cacheCreation());
          add(t, "costCents", m.cents());
        }
      }
    }
    return t;
  }

  private static void add(Map<String, Double> t, String k, double v) {
    t.merge(k, v, Double::sum);
  }

  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x & Long.MAX_VALUE;
  }
}
