package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.DemoOrg.Developer;
import dev.yardstick.demo.PlannedCommit.File;
import dev.yardstick.demo.PlannedCommit.Truth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Pure and seeded: turns the days' commit counts into commits on one branch, in time order. Every
 * line is unique, so git's diff finds exactly the lines planned. Rework rewrites a developer's lines
 * younger than 18 days (inside the 21-day window, never near its edge); a planted buggy commit's
 * lines are later rewritten by a {@code fix:} commit, and a few commits are reverted.
 */
public final class CommitPlanner {
  static final String MARK = "Co-Authored-By: Claude <noreply@anthropic.com>";
  private static final long RECENT = 18 * 86_400L;
  private static final int FILE_LINES = 80;
  private static final String[] WORDS = {"report", "cache", "search", "billing", "export", "session", "profile", "queue",
      "upload", "layout", "metrics", "routing", "settings", "invoice", "schema", "widget", "pager", "token", "audit"};
  private static final String[] VERBS = {"feat: add", "refactor: split", "perf: speed up", "feat: support", "chore: tidy",
      "test: cover", "docs: explain", "feat: extend"};
  private static final Map<String, String> EXT = Map.of("TypeScript", "ts", "Java", "java", "Python", "py", "Kotlin", "kt",
      "Go", "go", "SQL", "sql");

  private final DemoOrg org;
  private final SplittableRandom r;
  private final List<Truth> truths = new ArrayList<>();
  private final DeveloperFiles[] state;

  public CommitPlanner(DemoOrg org) {
    this.org = org;
    this.r = new SplittableRandom(org.seed() ^ 0x5eedL);
    this.state = new DeveloperFiles[org.developers().size()];
    for (Developer d : org.developers()) {
      // small trees: fast-import writes every tree on a changed file's path anew, so no directory holds hundreds
      String dir = d.memberships().getFirst().team().toLowerCase(java.util.Locale.ROOT) + "/g" + (d.index() % 16) + "/"
          + d.email().substring(0, d.email().indexOf('@')).replace('.', '-');
      state[d.index()] = new DeveloperFiles(dir, EXT.getOrDefault(d.language(), "txt"));
    }
  }

  /** Every commit's truth, in commit order; complete once {@link #plan} returned. */
  public List<Truth> truths() {
    return truths;
  }

  /** Hands each commit to {@code sink} in time order. */
  public void plan(Consumer<PlannedCommit> sink) {
    List<Day> days = org.days();
    int i = 0;
    while (i < days.size()) {
      LocalDate day = days.get(i).day();
      List<long[]> slots = new ArrayList<>(); // time, developer, index into days
      for (; i < days.size() && days.get(i).day().equals(day); i++) {
        Day d = days.get(i);
        long base = day.atTime(9, 0).atZone(org.zone()).toEpochSecond() + (d.developer() % 60) * 60L;
        for (int c = 0; c < d.commits(); c++) {
          slots.add(new long[] {base + c * 4000L + r.nextInt(1800), d.developer(), i});
        }
      }
      slots.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
      for (long[] s : slots) {
        sink.accept(commit(days.get((int) s[2]), s[0]));
      }
    }
  }

  private PlannedCommit commit(Day d, long time) {
    DeveloperFiles f = state[d.developer()];
    int id = truths.size();
    PlannedCommit revert = f.revertDue(d, time, id, this::truth, truths);
    if (revert != null) {
      return revert;
    }
    PlannedCommit fix = f.fixDue(d, time, id, r, this::truth, truths);
    if (fix != null) {
      return fix;
    }
    double aiShare = d.usage() == null ? 0 : Math.min(0.6, 0.15 + 0.3 * d.usage().activeHours());
    boolean ai = r.nextDouble() < aiShare;
    String subject = VERBS[r.nextInt(VERBS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " "
        + WORDS[r.nextInt(WORDS.length)] + " (#" + (id + 1) + ")";
    String message = subject + (ai ? "\n\n" + MARK + "\n" : "\n");
    int lines = 3 + (int) Math.round(Math.exp(2.6 + r.nextGaussian() * 0.7));
    if (r.nextInt(160) == 0) { // an experiment in a file of its own, reverted a few days later
      Truth t = truth(id, d, lines, 0, ai, "normal");
      File file = f.experiment(id, lines, time, subject, d.day().plusDays(1 + r.nextInt(4)));
      return new PlannedCommit(id, d.developer(), d.day(), time, message, List.of(file), -1, t);
    }
    int rewrite = r.nextDouble() < 0.22 * d.reworkBoost() ? 1 + r.nextInt(6) : 0;
    DeveloperFiles.Change c = f.change(id, lines, rewrite, time, FILE_LINES, r, truths);
    Truth t = truth(id, d, lines + c.rewritten(), c.rewritten(), ai, "normal");
    if (r.nextInt(25) == 0) {
      f.planFix(id, c.path(), d.day().plusDays(2 + r.nextInt(8)));
    }
    return new PlannedCommit(id, d.developer(), d.day(), time, message, c.files(), -1, t);
  }

  private Truth truth(int id, Day d, int added, int removed, boolean ai, String kind) {
    Truth t = new Truth(id, d.developer(), d.day(), added, removed, ai, kind);
    truths.add(t);
    return t;
  }

  static boolean recent(long written, long now) {
    return now - written < RECENT;
  }

  interface TruthMaker {
    Truth make(int id, Day d, int added, int removed, boolean ai, String kind);
  }
}
