package dev.yardstick.metrics.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.metrics.adoption.Acceptance.Rate;
import dev.yardstick.metrics.adoption.Spend.SpendRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seeded random decisions and spend: the generator plants whole numbers per developer, day and dimension, splits them
 * over several rows in random order, and keeps its own sums; the functions must give those sums back.
 */
class SpendAcceptancePropertyTest {
  static final String[] TOOLS = {"Edit", "MultiEdit", "Write", "NotebookEdit"};
  static final String[] LANGUAGES = {"Java", "TypeScript", "unknown"};
  static final String[] SOURCES = {"user_permanent", "user_reject", "config", "hook"};
  static final String[] MODELS = {"claude-opus-4", "claude-sonnet-4", "claude-haiku-4"};

  @Test
  void decisionsByToolLanguageAndSource_equalThePlantedCounts() {
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      List<DecisionRow> rows = new ArrayList<>();
      Map<String, long[]> tool = new TreeMap<>(), language = new TreeMap<>(), source = new TreeMap<>();
      long[] all = new long[2];
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) {
        String t = TOOLS[r.nextInt(4)], l = LANGUAGES[r.nextInt(3)], s = SOURCES[r.nextInt(4)];
        long acc = r.nextInt(20), rej = r.nextInt(5);
        count(tool, t, acc, rej);
        count(language, l, acc, rej);
        count(source, s.startsWith("user") ? "user" : s, acc, rej);
        all[0] += acc;
        all[1] += rej;
        long accLeft = acc, rejLeft = rej; // the same count, sent as up to three rows
        for (int part = r.nextInt(3); part > 0; part--) {
          long a = r.nextLong(accLeft + 1), b = r.nextLong(rejLeft + 1);
          rows.add(new DecisionRow(LocalDate.parse("2026-03-01").plusDays(r.nextInt(30)), (long) r.nextInt(9), null, t, l, s, a, b));
          accLeft -= a;
          rejLeft -= b;
        }
        rows.add(new DecisionRow(LocalDate.parse("2026-03-01"), r.nextBoolean() ? null : 1L, null, t, l, s, accLeft, rejLeft));
      }
      Collections.shuffle(rows, r);
      Acceptance.Result got = Acceptance.of(rows);
      assertThat(got.all()).as("seed %d", seed).isEqualTo(rate(all));
      for (String t : TOOLS) {
        assertThat(got.byTool().get(t)).as("seed %d %s", seed, t).isEqualTo(rate(tool.getOrDefault(t, new long[2])));
      }
      assertThat(got.byLanguage()).as("seed %d", seed).isEqualTo(rates(language));
      assertThat(got.bySource()).as("seed %d", seed).isEqualTo(rates(source));
    }
  }

  static void count(Map<String, long[]> m, String key, long accepted, long rejected) {
    long[] x = m.computeIfAbsent(key, k -> new long[2]);
    x[0] += accepted;
    x[1] += rejected;
  }

  static Rate rate(long[] v) {
    return new Rate(v[0], v[1], v[0] + v[1] == 0 ? null : Math.rint(1e4 * v[0] / (v[0] + v[1])) / 1e4);
  }

  static Map<String, Rate> rates(Map<String, long[]> m) {
    return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> rate(e.getValue()), (a, b) -> a, TreeMap::new));
  }

  @Test
  void spendByModelDeveloperAndNestedTeam_andUnitCosts_equalThePlantedSums() {
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      int devs = 1 + r.nextInt(12);
      long[] teamOf = new long[devs]; // teams 1 and 2 are under team 0; some developers have none
      Map<String, long[]> byModel = new TreeMap<>(), byDev = new TreeMap<>(), byTeam = new TreeMap<>();
      List<ModelDay> rows = new ArrayList<>();
      List<ActivityDay> activity = new ArrayList<>();
      List<CommitDay> commits = new ArrayList<>();
      long cents = 0, lines = 0, commitCount = 0, aiCommits = 0;
      int active = 0;
      for (int dev = 0; dev < devs; dev++) {
        teamOf[dev] = r.nextInt(4) - 1;
        boolean used = r.nextDouble() < 0.7;
        if (used) {
          active++;
          long l = r.nextInt(500);
          lines += l;
          activity.add(new ActivityDay(LocalDate.parse("2026-03-02"), (long) dev, null, 1, null, 0, 0, l, false));
          for (String model : MODELS) {
            if (r.nextBoolean()) {
              long[] v = {r.nextInt(10_000), r.nextInt(2_000), r.nextInt(50_000), r.nextInt(5_000), r.nextInt(900)};
              cents += v[4];
              rows.add(new ModelDay(LocalDate.parse("2026-03-02"), (long) dev, teamOf[dev] < 0 ? null : teamOf[dev], model,
                  v[0], v[1], v[2], v[3], v[4] / 100.0));
              add(byModel, model, v);
              add(byDev, "dev" + dev, v);
              add(byTeam, teamOf[dev] < 0 ? Spend.NO_TEAM : "team" + teamOf[dev], v);
              if (teamOf[dev] > 0) {
                add(byTeam, "team0", v);
              }
            }
          }
        }
        long c = r.nextInt(4);
        long ai = c == 0 ? 0 : r.nextLong(c + 1);
        if (c > 0) {
          commits.add(new CommitDay(LocalDate.parse("2026-03-03"), (long) dev, null, c, ai));
        }
        commitCount += c;
        aiCommits += ai;
      }
      Collections.shuffle(rows, r);
      assertThat(Spend.byModel(rows)).as("seed %d", seed).isEqualTo(rowsOf(byModel));
      assertThat(Spend.byDeveloper(rows, id -> "dev" + id)).as("seed %d", seed).isEqualTo(rowsOf(byDev));
      assertThat(Spend.byTeam(rows, t -> t == 0 ? List.of("team0") : List.of("team" + t, "team0"))).as("seed %d", seed)
          .isEqualTo(rowsOf(byTeam));
      Spend.UnitCosts u = Spend.unitCosts(rows, activity, commits);
      double cost = cents / 100.0;
      assertThat(u.costUsd()).as("seed %d", seed).isEqualTo(activity.isEmpty() ? null : cost);
      assertThat(u.activeDevelopers()).isEqualTo(active);
      assertThat(u.commits()).isEqualTo(commitCount);
      assertThat(u.aiCoAuthoredCommits()).isEqualTo(aiCommits);
      assertThat(u.perCommit()).as("seed %d", seed).isEqualTo(activity.isEmpty() || commitCount == 0 ? null
          : Math.rint(1e6 * cost / commitCount) / 1e6);
      assertThat(u.perAcceptedAiLine()).isEqualTo(activity.isEmpty() || lines == 0 ? null : Math.rint(1e6 * cost / lines) / 1e6);
    }
  }

  static void add(Map<String, long[]> m, String key, long[] v) {
    long[] x = m.computeIfAbsent(key, k -> new long[5]);
    for (int i = 0; i < 5; i++) {
      x[i] += v[i];
    }
  }

  static List<SpendRow> rowsOf(Map<String, long[]> m) {
    return m.entrySet().stream().map(e -> new SpendRow(e.getKey(), new Spend.Tokens(e.getValue()[0], e.getValue()[1],
        e.getValue()[2], e.getValue()[3]), e.getValue()[4] / 100.0)).toList();
  }
}
