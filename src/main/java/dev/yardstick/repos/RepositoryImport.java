package dev.yardstick.repos;

import dev.yardstick.git.GitAnalysis;
import dev.yardstick.git.GitCli;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.storage.RepositoryStore.Repository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one import reads: all history the first time; only old..new when the branch moved
 * forward; after a rewrite (force-push), drops the commits no longer reachable and replays the
 * line history from the start.
 */
final class RepositoryImport {
  private final RepositoryStore repos;
  private final CommitStore commits;
  private final ZoneId zone;
  private final RepositoryService.Settings settings;
  private final GitAnalysis.Settings analysis;
  private final Clock clock;

  RepositoryImport(RepositoryStore repos, CommitStore commits, ZoneId zone, RepositoryService.Settings settings,
      GitAnalysis.Settings analysis, Clock clock) {
    this.repos = repos;
    this.commits = commits;
    this.zone = zone;
    this.settings = settings;
    this.analysis = analysis;
    this.clock = clock;
  }

  void run(Repository r, String token, ImportProgress p, RepositorySources sources, GitCli.Limits limits) throws Exception {
    Path home = settings.home(r.id());
    GitCli git = GitSource.prepare(r.url(), r.path(), token, home.resolve("mirror.git"), sources, limits);
    repos.fetched(r.id(), clock.instant());
    String branch = GitSource.branch(git, r.branch());
    String tip = GitSource.tip(git, branch);
    if (tip.equals(r.headSha())) {
      repos.imported(r.id(), tip, null, clock.instant());
      return;
    }
    Set<String> members = commits.members(r.id());
    Path linesFile = home.resolve("lines.bin");
    String note = null;
    boolean forward = r.headSha() != null && git.succeeds("merge-base", "--is-ancestor", r.headSha(), tip);
    Optional<GitAnalysis.Lines> saved = forward ? GitAnalysis.Lines.load(linesFile) : Optional.empty();
    if (r.headSha() != null && !forward) {
      Set<String> reachable = new HashSet<>();
      git.stream(java.util.List.of("rev-list", tip), reachable::add);
      int gone = commits.forgetUnreachable(r.orgId(), r.id(), reachable, members);
      note = "History of " + branch + " was rewritten (force-push) before " + clock.instant().atOffset(ZoneOffset.UTC)
          .toLocalDate() + ": " + gone + " commit" + (gone == 1 ? "" : "s") + " no longer on it " + (gone == 1 ? "was" : "were")
          + " removed and the line history was analysed again.";
      p.note(note);
    }
    boolean incremental = saved.isPresent();
    String range = incremental ? r.headSha() + ".." + tip : tip;
    new ImportRun(commits, analysis, p).run(git, r.orgId(), r.id(), zone, range, tip,
        saved.orElseGet(GitAnalysis.Lines::empty), incremental, members, linesFile);
    repos.imported(r.id(), tip, note, clock.instant());
  }
}
