package dev.yardstick.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.CommitFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both passes over the synthetic repository, against the ground truth it was built with. */
class GitAnalysisTest {
  @TempDir
  static Path dir;
  static Scenario s;
  static Map<String, CommitFacts> facts = new HashMap<>();
  static Map<String, LineTracker.Outcome> outcomes = new HashMap<>();

  @BeforeAll
  static void build() throws Exception {
    s = Scenario.build(dir.resolve("repo"));
    GitCli git = new GitCli(dir.resolve("repo"));
    GitAnalysis.commits(git, "main", GitAnalysis.Settings.defaults(), c -> facts.put(c.sha(), c));
    Set<String> fixes = new HashSet<>();
    facts.values().stream().filter(CommitFacts::fix).forEach(c -> fixes.add(c.sha()));
    GitAnalysis.lines(git, "main", GitAnalysis.Lines.empty(), GitAnalysis.Settings.defaults(), fixes::contains,
        o -> outcomes.put(o.sha(), o));
  }

  @Test
  void everyCommit_countsItsLines_flagsAsBuilt() {
    assertThat(facts).hasSize(s.repo.truth.size());
    for (SyntheticRepo.Truth t : s.repo.truth.values()) {
      CommitFacts c = facts.get(t.sha);
      assertThat(c).as("commit " + t.mark).isNotNull();
      assertThat(c.linesAdded()).as("added by commit " + t.mark).isEqualTo(t.added);
      assertThat(c.linesRemoved()).as("removed by commit " + t.mark).isEqualTo(t.removed);
      assertThat(c.aiCoAuthored()).as("AI commit " + t.mark).isEqualTo(t.ai);
      assertThat(c.revert()).as("revert " + t.mark).isEqualTo(t.revert);
      assertThat(c.fix()).as("fix " + t.mark).isEqualTo(t.fix);
      assertThat(c.merge()).as("merge " + t.mark).isEqualTo(t.merge);
    }
    assertThat(facts.values().stream().filter(CommitFacts::aiCoAuthored)).hasSize(ClaudeMarks.MARKS.size()); // each form once
    assertThat(facts.get(s.parser.sha).aiEvidence()).isEqualTo("Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>");
    assertThat(facts.values().stream().map(CommitFacts::authorEmail)).contains("carol@users.noreply.github.com");
  }

  @Test
  void lineCounts_equalGitLogNumstat_overThePathsTheGeneratorMadeToCount() {
    long[] numstat = new long[3];
    new GitCli(dir.resolve("repo")).stream(List.of("-c", "core.quotePath=false", "log", "--numstat", "--no-merges", "--format=", "-M", "main"), line -> {
      String[] p = line.split("\t");
      if (p.length == 3 && !p[0].equals("-")) {
        FileStat f = FileStat.parse(line);
        numstat[2] += f.added();
        if (!s.repo.excluded.contains(f.path())) {
          numstat[0] += f.added();
          numstat[1] += f.removed();
        }
      }
    });
    assertThat(facts.values().stream().mapToLong(CommitFacts::linesAdded).sum()).isEqualTo(numstat[0]);
    assertThat(facts.values().stream().mapToLong(CommitFacts::linesRemoved).sum()).isEqualTo(numstat[1]);
    assertThat(numstat[2] - numstat[0]).as("lines in the excluded files").isEqualTo(100 + 5 + 7 + 30 + 2 + 60 + 40 + 3 + 12 + 6);
  }

  @Test
  void rework_perCommit_equalsTheTruth_insideTheWindowOnly() {
    Map<String, Integer> measured = new HashMap<>();
    outcomes.values().forEach(o -> o.reworked().forEach((sha, n) -> measured.merge(sha, n, Integer::sum)));
    Map<String, Integer> expected = new HashMap<>();
    s.repo.reworked.forEach((mark, n) -> expected.put(s.repo.byMark(mark).sha, n));
    assertThat(measured).isEqualTo(expected);
    assertThat(expected.get(s.parser.sha)).isEqualTo(6); // 5 refactored, 1 fixed
    assertThat(expected.get(s.feature.sha)).isEqualTo(25); // the revert
    assertThat(expected).doesNotContainKey(s.util.sha); // its fix came 42 days later
  }

  @Test
  void szz_blamesTheCommitsWhoseLinesTheFixesChanged_notWhitespaceCommentsOrHugeFixes() {
    Map<String, Set<String>> measured = new HashMap<>();
    List<String> capped = new ArrayList<>();
    outcomes.values().forEach(o -> {
      o.blamed().keySet().forEach(sha -> measured.computeIfAbsent(sha, k -> new HashSet<>()).add(o.sha()));
      if (o.capped()) {
        capped.add(o.sha());
      }
    });
    Map<String, Set<String>> expected = new HashMap<>();
    s.repo.blamedBy.forEach((mark, fixes) -> fixes.forEach(f ->
        expected.computeIfAbsent(s.repo.byMark(mark).sha, k -> new HashSet<>()).add(s.repo.byMark(f).sha)));
    assertThat(measured).isEqualTo(expected);
    assertThat(measured.keySet()).contains(s.parser.sha, s.sideWork.sha, s.util.sha, s.initial.sha)
        .doesNotContain(s.big.sha, s.comments.sha);
    assertThat(capped).hasSize(1);
  }
}
