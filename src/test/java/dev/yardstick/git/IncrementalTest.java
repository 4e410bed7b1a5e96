package dev.yardstick.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming from saved line origins gives the new commits exactly what a replay of the whole history gives them. */
class IncrementalTest {
  @TempDir
  Path dir;

  @Test
  void resumeFromSavedOrigins_equalsAFullReplay() throws Exception {
    Path repo = dir.resolve("repo");
    Scenario.build(repo);
    GitCli git = new GitCli(repo);
    List<String> shas = List.of(git.output("rev-list", "--reverse", "--topo-order", "--no-merges", "main").split("\n"));
    String middle = shas.get(shas.size() / 2);
    Set<String> fixes = new HashSet<>();
    GitAnalysis.commits(git, "main", GitAnalysis.Settings.defaults(), c -> {
      if (c.fix()) {
        fixes.add(c.sha());
      }
    });

    Map<String, LineTracker.Outcome> full = new HashMap<>();
    GitAnalysis.lines(git, "main", GitAnalysis.Lines.empty(), GitAnalysis.Settings.defaults(), fixes::contains, o -> full.put(o.sha(), o));

    GitAnalysis.Lines first = GitAnalysis.Lines.empty();
    GitAnalysis.lines(git, middle, first, GitAnalysis.Settings.defaults(), fixes::contains, o -> { });
    Path saved = dir.resolve("lines.bin");
    first.save(saved);
    Map<String, LineTracker.Outcome> resumed = new HashMap<>();
    GitAnalysis.lines(git, middle + "..main", GitAnalysis.Lines.load(saved).orElseThrow(), GitAnalysis.Settings.defaults(),
        fixes::contains, o -> resumed.put(o.sha(), o));

    assertThat(resumed).isNotEmpty();
    resumed.forEach((sha, o) -> assertThat(o).as(sha).isEqualTo(full.get(sha)));
    assertThat(GitAnalysis.Lines.load(dir.resolve("missing.bin"))).isEmpty();
  }
}
