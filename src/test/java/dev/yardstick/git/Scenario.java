package dev.yardstick.git;

import java.nio.file.Path;

/**
 * A small repository with one of everything issue 5 names: every form of Claude's trailer and a
 * look-alike, renames, a binary file, lock and vendored files, a side branch and its merge, a
 * revert, fixes that touch lines of known commits (one whitespace-only, one comment, one over the
 * cap), rework inside and beyond the 21-day window, and a GitHub noreply author.
 */
public final class Scenario {
  public static final String ALICE = "alice@example.com";
  public static final String BOB = "bob@example.com";
  public static final String CAROL = "12345+carol@users.noreply.github.com";
  public static final String DAN = "dan@example.com";

  public SyntheticRepo.Truth initial;
  SyntheticRepo.Truth parser;
  SyntheticRepo.Truth util;
  SyntheticRepo.Truth feature;
  SyntheticRepo.Truth sideWork;
  SyntheticRepo.Truth big;
  SyntheticRepo.Truth comments;
  public SyntheticRepo repo;

  public static Scenario build(Path dir) throws Exception {
    Scenario s = new Scenario();
    SyntheticRepo r = new SyntheticRepo(dir, 200);
    s.repo = r;
    s.initial = r.commit(ALICE, 0, "Initial import", e -> e.add("src/App.java", -1, 40).add("package-lock.json", -1, 100)
        .add("vendor/lib.js", -1, 30).binary("assets/logo.png"));
    s.parser = r.commit(BOB, 1, "Add parser\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n"
        + "Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>", e -> e.add("src/Parser.java", -1, 30));
    s.util = r.commit(ALICE, 2, "feat: util\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        e -> e.add("src/Util.java", -1, 20).add("package-lock.json", 10, 5));
    r.commit(CAROL, 3, "Refactor parser", e -> e.replace("src/Parser.java", 5, 5, 3));
    r.commit(BOB, 4, "Rename util\n\n🤖 Generated with [Claude Code](https://claude.ai/code)",
        e -> e.rename("src/Util.java", "src/Helpers.java"));
    r.commit(ALICE, 5, "fix: off-by-one in parser", e -> e.replace("src/Parser.java", 12, 1, 1).reindent("src/App.java", 3));
    s.feature = r.commit(BOB, 6, "Add feature X", e -> e.add("src/Feature.java", -1, 25));
    String featureSha = r.sha(s.feature);
    r.commit(CAROL, 7, "Revert \"Add feature X\"\n\nThis reverts commit " + featureSha + ".", e -> e.delete("src/Feature.java"))
        .revertOf = featureSha;
    r.commit(ALICE, 40, "Late cleanup", e -> e.remove("src/App.java", 30, 5));
    r.branch("side");
    s.sideWork = r.commit(BOB, 41, "Side work", e -> e.add("src/Side.java", -1, 10));
    r.commit(BOB, 42, "fix: side bug", e -> e.replace("src/Side.java", 2, 1, 1));
    r.checkout("main");
    r.commit(ALICE, 42.5, "Main work", e -> e.add("src/Main2.java", -1, 8));
    r.commit(ALICE, 43, "Merge branch 'side'", "side", e -> { });
    r.commit(CAROL, 44, "Fix crash in helpers\n\nCo-Authored-By: Claude Opus 4.1 (1M context) <noreply@anthropic.com>",
        e -> e.replace("src/Helpers.java", 0, 1, 1));
    s.big = r.commit(BOB, 45, "Add big table", e -> e.add("src/Big.java", -1, 250));
    r.commit(ALICE, 46, "fix: regenerate big table", e -> e.replace("src/Big.java", 0, 210, 5));
    s.comments = r.commit(ALICE, 47, "Add comments", e -> e.comment("src/App.java", 0));
    r.commit(ALICE, 48, "fix: remove stale comment and a bug", e -> e.remove("src/App.java", 0, 1).replace("src/App.java", 6, 1, 1));
    r.commit(BOB, 49, "Bump deps", e -> e.add("package-lock.json", 0, 7).add("vendor/lib.js", 0, 2));
    r.commit(DAN, 50, "Pair work\n\nCo-authored-by: Jane Roe <jane@example.com>", e -> e.add("src/Main2.java", -1, 3)
        .binary("assets/icon.png"));
    r.close();
    return s;
  }
}
