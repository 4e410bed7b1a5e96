package dev.yardstick.repos;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.git.DefectRules;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.storage.RepositoryStore.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repositories an organization follows: added by path or URL, imported once, then fetched on a
 * schedule with only new commits imported. A rewritten branch (force-push) drops the commits no
 * longer on it and says so in the status. Deleting a repository stops its import, and every git
 * command an import runs has a time limit.
 */
public final class RepositoryService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RepositoryService.class);

  /**
   * Everything that stays the same between imports.
   *
   * @param roots real paths of the directories local repositories may be read from; empty = none
   */
  public record Settings(Path dataDir, Duration reworkWindow, int fixCap, Duration followEvery, Duration gitTimeout,
      boolean allowHttp, List<Path> roots) {
    /** Where a repository's mirror and line origins live. */
    Path home(long id) {
      return dataDir.resolve("repositories").resolve(Long.toString(id));
    }
  }

  private final RepositoryStore repos;
  private final CommitStore commits;
  private final SecretBox box;
  private final Clock clock;
  private final Settings settings;
  private final RepositorySources sources;
  private final ImportRunner runner;
  private final GitFollower follower;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  public RepositoryService(RepositoryStore repos, CommitStore commits, OrgStore orgs, SecretBox box, Clock clock, Settings settings) {
    this.repos = repos;
    this.commits = commits;
    this.box = box;
    this.clock = clock;
    this.settings = settings;
    this.sources = new RepositorySources(settings.allowHttp(), settings.roots(), ImportRunner.limits(settings, () -> false));
    this.runner = new ImportRunner(repos, commits, orgs, box, clock, settings, sources);
    this.follower = new GitFollower(this, clock, settings.followEvery());
    runner.listener(follower);
  }

  /** What to add; exactly one of url and path. */
  public record NewRepository(String name, String url, String path, String token, String branch, List<String> excludePaths,
      List<String> includePaths, List<String> fixPatterns) {}

  /** Throws IllegalArgumentException for an incomplete or invalid request, or a source this server does not read. */
  public Repository add(long orgId, NewRepository r) {
    if ((r.url() == null) == (r.path() == null)) {
      throw new IllegalArgumentException("give either \"url\" (https://...) or \"path\" (a local git repository)");
    }
    if (r.token() != null && r.url() == null) {
      throw new IllegalArgumentException("a token is only for a clone URL");
    }
    if (r.url() != null) {
      sources.checkUrl(r.url(), r.token() != null);
    } else {
      sources.checkPath(r.path());
    }
    RepositorySources.checkBranch(r.branch());
    List<String> fix = r.fixPatterns() == null || r.fixPatterns().isEmpty() ? DefectRules.DEFAULT_FIX_PATTERNS : r.fixPatterns();
    fix.forEach(p -> {
      try {
        java.util.regex.Pattern.compile(p);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("fix pattern " + p + " is not a regular expression: " + e.getDescription());
      }
    });
    long id = repos.create(orgId, r.name(), r.url(), r.path(), null, r.branch(), join(r.excludePaths()), join(r.includePaths()),
        String.join("\n", fix), clock.instant());
    if (r.token() != null) {
      repos.token(id, box.seal(r.token(), "git-token:repository:" + id));
    }
    return repos.find(orgId, id).orElseThrow();
  }

  private static String join(List<String> l) {
    return l == null ? "" : String.join("\n", l);
  }

  /**
   * Stops following the repository: an import of it running here is stopped first (one running on
   * another server fails at its next write, and that server stops it at its next look); its commits
   * that no other followed repository reaches leave the reports; its mirror and line origins are deleted.
   */
  public boolean remove(long orgId, long id) {
    if (repos.find(orgId, id).isEmpty()) {
      return false;
    }
    try {
      runner.close(id);
      Instant now = clock.instant();
      repos.tryLease(id, now, now.plus(ImportRunner.LEASE)); // keeps other servers from starting one
      commits.forgetRepository(orgId, id);
      deleteTree(settings.home(id));
      follower.forget(id);
      return true;
    } finally {
      runner.forget(id);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException e) {
      log.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  public List<Repository> list(long orgId) {
    return repos.list(orgId);
  }

  public Optional<Repository> find(long orgId, long id) {
    return repos.find(orgId, id);
  }

  public Optional<ImportProgress.Snapshot> progress(long repositoryId) {
    return runner.progress(repositoryId).map(ImportProgress::snapshot);
  }

  /** Thrown when another import of the repository runs (here or in another server). */
  public static final class BusyException extends RuntimeException {
    BusyException() {
      super("an import of this repository is already running");
    }
  }

  /** Starts an import in the background; throws BusyException when one runs. */
  public ImportProgress start(Repository r) {
    ImportProgress p = runner.lease(r);
    Thread t = Thread.ofVirtual().name("git-import-" + r.id()).unstarted(() -> {
      try {
        runner.run(r, p);
      } finally {
        workers.remove(Thread.currentThread());
      }
    });
    workers.add(t);
    t.start();
    return p;
  }

  /** Imports now (the CLI and the scheduler); throws BusyException when another import holds the repository. */
  public ImportProgress.Snapshot importNow(Repository r, Consumer<ImportProgress> started) {
    ImportProgress p = runner.lease(r);
    started.accept(p);
    runner.run(r, p);
    return p.snapshot();
  }

  /** Starts following: every {@code check}, the repositories due are fetched and imported, each on its own worker. */
  public void follow(Duration check) {
    follower.start(check);
  }

  /**
   * Every repository, for the scheduler; imports running here of repositories deleted elsewhere are
   * stopped, and mirrors left of them here are deleted (only of repositories older than the newest
   * listed one: a newer one may be starting).
   */
  List<Repository> all() {
    List<Repository> all = repos.all();
    Set<Long> present = all.stream().map(Repository::id).collect(Collectors.toSet());
    Set<Long> busy = runner.tend(present);
    long newest = present.stream().mapToLong(Long::longValue).max().orElse(0);
    try (var dirs = Files.list(settings.dataDir().resolve("repositories"))) {
      dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("\\d{1,18}")).map(Long::parseLong)
          .filter(id -> id < newest && !present.contains(id) && !busy.contains(id)).forEach(id -> deleteTree(settings.home(id)));
    } catch (java.io.IOException e) {
      // no mirrors yet
    }
    return all;
  }

  @Override
  public void close() throws InterruptedException {
    runner.stopAll("the server shut down");
    follower.close();
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      t.join(10_000);
    }
  }
}
