package dev.yardstick.git;

import dev.yardstick.git.SyntheticRepo.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small repository with one of everything issue 5 names: every form of Claude Code's mark
 * ({@link ClaudeMarks}) and every look-alike, renames, a binary file, lock, vendored, generated and
 * built files, a side branch and its merge, a revert, fixes that touch lines of known commits (one
 * whitespace-only, one comment, one over the cap), rework inside and beyond the 21-day window, and a
 * GitHub noreply author.
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

  /** Lock, vendored, generated and built files: the documented default rules count none of their lines. */
  static final Set<String> EXCLUDED = Set.of("package-lock.json", "vendor/lib.js", "web/yarn.lock", "third_party/zlib/zlib.h",
      "api/v1/service.pb.go", "dist/app.min.js", "vendor/größe.js");

  public static Scenario build(Path dir) throws Exception {
    Scenario s = new Scenario();
    SyntheticRepo r = new SyntheticRepo(dir, 200, EXCLUDED);
    s.repo = r;
    List<ClaudeMarks.Form> forms = new ArrayList<>(ClaudeMarks.MARKS);
    forms.addAll(ClaudeMarks.LOOK_ALIKES);
    s.initial = r.commit(ALICE, 0, Message.plain("Initial import"), e -> e.add("src/App.java", -1, 40)
        .add("package-lock.json", -1, 100).add("vendor/lib.js", -1, 30).binary("assets/logo.png"));
    s.parser = r.commit(BOB, 1, Message.marked("Add parser", take(forms, "CLI footer and trailer")),
        e -> e.add("src/Parser.java", -1, 30));
    s.util = r.commit(ALICE, 2, Message.marked("feat: util", take(forms, "GitHub squash of a CLI commit")),
        e -> e.add("src/Util.java", -1, 20).add("package-lock.json", 10, 5));
    r.commit(CAROL, 3, Message.plain("Refactor parser"), e -> e.replace("src/Parser.java", 5, 5, 3));
    r.commit(BOB, 4, Message.marked("Rename util", take(forms, "CLI footer of 2025")), e -> e.rename("src/Util.java", "src/Helpers.java"));
    r.commit(ALICE, 5, Message.fix("fix: off-by-one in parser"), e -> e.replace("src/Parser.java", 12, 1, 1).reindent("src/App.java", 3));
    s.feature = r.commit(BOB, 6, Message.plain("Add feature X"), e -> e.add("src/Feature.java", -1, 25));
    String featureSha = r.sha(s.feature);
    r.commit(CAROL, 7, Message.revert("Add feature X", featureSha), e -> e.delete("src/Feature.java")).revertOf = featureSha;
    r.commit(ALICE, 40, Message.plain("Late cleanup"), e -> e.remove("src/App.java", 30, 5));
    r.branch("side");
    s.sideWork = r.commit(BOB, 41, Message.plain("Side work"), e -> e.add("src/Side.java", -1, 10));
    r.commit(BOB, 42, Message.fix("fix: side bug"), e -> e.replace("src/Side.java", 2, 1, 1));
    r.checkout("main");
    r.commit(ALICE, 42.5, Message.plain("Main work"), e -> e.add("src/Main2.java", -1, 8));
    r.commit(ALICE, 43, Message.plain("Merge branch 'side'"), "side", e -> { });
    r.commit(CAROL, 44, Message.marked("Fix crash in helpers", take(forms, "CLI trailer, 1M context")).andFix(),
        e -> e.replace("src/Helpers.java", 0, 1, 1));
    s.big = r.commit(BOB, 45, Message.plain("Add big table"), e -> e.add("src/Big.java", -1, 250));
    r.commit(ALICE, 46, Message.fix("fix: regenerate big table"), e -> e.replace("src/Big.java", 0, 210, 5));
    s.comments = r.commit(ALICE, 47, Message.plain("Add comments"), e -> e.comment("src/App.java", 0));
    r.commit(ALICE, 48, Message.fix("fix: remove stale comment and a bug"), e -> e.remove("src/App.java", 0, 1)
        .replace("src/App.java", 6, 1, 1));
    r.commit(BOB, 49, Message.plain("Bump deps"), e -> e.add("package-lock.json", 0, 7).add("vendor/lib.js", 0, 2));
    r.commit(DAN, 50, Message.marked("Pair work", take(forms, "a person co-author")), e -> e.add("src/Main2.java", -1, 3)
        .binary("assets/icon.png"));
    r.commit(BOB, 50.5, Message.plain("Regenerate the client, vendor zlib, build the bundle"), e -> e.add("src/Client.java", -1, 4)
        .add("api/v1/service.pb.go", -1, 60).add("third_party/zlib/zlib.h", -1, 40).add("dist/app.min.js", -1, 3)
        .add("web/yarn.lock", -1, 12).add("vendor/größe.js", -1, 6));
    String[] authors = {ALICE, BOB, CAROL};
    for (int i = 0; i < forms.size(); i++) { // every other form, one commit each, appending to one file
      r.commit(authors[i % 3], 51 + i * 0.05, Message.marked("Document case " + i, forms.get(i)), e -> e.add("src/Cases.java", -1, 2));
    }
    r.close();
    return s;
  }

  private static ClaudeMarks.Form take(List<ClaudeMarks.Form> forms, String name) {
    ClaudeMarks.Form f = forms.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    forms.remove(f);
    return f;
  }
}
