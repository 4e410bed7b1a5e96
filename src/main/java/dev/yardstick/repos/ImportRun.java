package dev.yardstick.repos;

import dev.yardstick.git.GitAnalysis;
import dev.yardstick.git.GitCli;
import dev.yardstick.git.LineTracker;
import dev.yardstick.model.CommitFacts;
import dev.yardstick.model.CommitFacts.DefectLink;
import dev.yardstick.model.CommitFacts.ReworkLink;
import dev.yardstick.storage.CommitStore;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import of one repository: the new commits of the range (stored in batches, with progress),
 * then their line history (rework and SZZ) on top of the saved line origins, and the reverts they
 * make. Analysing a commit twice replaces its links, so a run that died half-way is simply redone.
 */
final class ImportRun {
  private static final int BATCH = 1000;

  private final CommitStore commits;
  private final GitAnalysis.Settings settings;
  private final ImportProgress progress;

  ImportRun(CommitStore commits, GitAnalysis.Settings settings, ImportProgress progress) {
    this.commits = commits;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * @param range the commits to import ("tip" for all history, "old..tip" to follow)
   * @param lines the saved line origins for an incremental range, or empty to replay {@code fullRange}
   */
  void run(GitCli git, long orgId, long repoId, ZoneId zone, String range, String fullRange, GitAnalysis.Lines lines,
      boolean incremental, Set<String> members, Path linesFile) throws Exception {
    progress.phase("importing", Long.parseLong(git.output("rev-list", "--count", range)));
    Set<String> fixes = new HashSet<>();
    Set<String> known = commits.known(orgId);
    BatchPipe.<CommitFacts>run(BATCH, sink -> GitAnalysis.commits(git, range, settings, sink), batch -> {
      batch.stream().filter(CommitFacts::fix).forEach(c -> fixes.add(c.sha()));
      flush(orgId, repoId, zone, batch, members, known);
    });
    String analysed = incremental ? range : fullRange;
    if (!incremental) {
      fixes.addAll(commits.fixes(orgId));
    }
    progress.phase("analysing", Long.parseLong(git.output("rev-list", "--count", "--no-merges", analysed)));
    Map<String, List<String>> reverts = commits.revertTargets(orgId); // every revert is stored by now
    BatchPipe.<LineTracker.Outcome>run(BATCH, sink -> GitAnalysis.lines(git, analysed, lines, settings, fixes::contains, sink),
        outcomes -> links(orgId, outcomes, members, reverts));
    lines.save(linesFile);
  }

  private void flush(long orgId, long repoId, ZoneId zone, List<CommitFacts> batch, Set<String> members, Set<String> known) {
    if (batch.isEmpty()) {
      return;
    }
    progress.added(commits.add(orgId, repoId, zone, batch, members, known));
    progress.advance(batch.size());
  }

  /** Rework and SZZ links of analysed commits, and the commits their revert messages name. */
  private void links(long orgId, List<LineTracker.Outcome> outcomes, Set<String> members, Map<String, List<String>> reverts) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<ReworkLink> rework = new ArrayList<>();
    List<DefectLink> defects = new ArrayList<>();
    List<String> from = new ArrayList<>();
    for (LineTracker.Outcome o : outcomes) {
      from.add(o.sha());
      o.reworked().forEach((sha, n) -> rework.add(new ReworkLink(sha, o.sha(), n)));
      o.blamed().forEach((sha, n) -> defects.add(new DefectLink(sha, o.sha(), "szz", n)));
    }
    for (String revert : from) {
      for (String target : reverts.getOrDefault(revert, List.of())) {
        // git revert names the full sha; a shortened one is looked for among all the members
        (members.contains(target) ? java.util.Optional.of(target) : members.stream().filter(m -> m.startsWith(target)).findFirst())
            .ifPresent(sha -> defects.add(new DefectLink(sha, revert, "revert", 0)));
      }
    }
    commits.replaceLinks(orgId, from, rework, defects);
    progress.advance(outcomes.size());
  }
}
