package dev.yardstick.repos;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.git.DefectRules;
import dev.yardstick.git.GitAnalysis;
import dev.yardstick.git.GitCli;
import dev.yardstick.git.GitException;
import dev.yardstick.git.PathRules;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.storage.RepositoryStore.Repository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repositories an organization follows: added by path or URL, imported once, then fetched on a
 * schedule with only new commits imported. A rewritten branch (force-push) drops the commits no
 * longer on it and says so in the status.
 */
public final class RepositoryService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RepositoryService.class);
  private static final Duration LEASE = Duration.ofMinutes(30);

  /** Everything that stays the same between imports. */
  public record Settings(Path dataDir, Duration reworkWindow, int fixCap, Duration followEvery) {}

  private final RepositoryStore repos;
  private final CommitStore commits;
  private final OrgStore orgs;
  private final SecretBox box;
  private final Clock clock;
  private final Settings settings;
  private final Map<Long, ImportProgress> latest = new ConcurrentHashMap<>();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  public RepositoryService(RepositoryStore repos, CommitStore commits, OrgStore orgs, SecretBox box, Clock clock, Settings settings) {
    this.repos = repos;
    this.commits = commits;
    this.orgs = orgs;
    this.box = box;
    this.clock = clock;
    this.settings = settings;
  }

  /** What to add; exactly one of url and path. */
  public record NewRepository(String name, String url, String path, String token, String branch, List<String> excludePaths,
      List<String> includePaths, List<String> fixPatterns) {}

  /** Throws IllegalArgumentException for an incomplete or invalid request. */
  public Repository add(long orgId, NewRepository r) {
    if ((r.url() == null) == (r.path() == null)) {
      throw new IllegalArgumentException("give either \"url\" (https://...) or \"path\" (a local git repository)");
    }
    if (r.url() != null && !r.url().startsWith("https://") && !r.url().startsWith("http://") && !r.url().startsWith("file://")) {
      throw new IllegalArgumentException("\"url\" must be an https:// clone URL");
    }
    if (r.path() != null && !new GitCli(Path.of(r.path())).succeeds("rev-parse", "--git-dir")) {
      throw new IllegalArgumentException("\"path\" is not a git repository this server can read: " + r.path());
    }
    if (r.token() != null && r.url() == null) {
      throw new IllegalArgumentException("a token is only for a clone URL");
    }
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
   * Stops following the repository: its commits that no other followed repository reaches leave the
   * reports, and its mirror and line origins are deleted. Throws BusyException while it imports.
   */
  public boolean remove(long orgId, long id) {
    Optional<Repository> r = repos.find(orgId, id);
    if (r.isEmpty()) {
      return false;
    }
    ImportProgress p = lease(r.get());
    try {
      commits.forgetUnreachable(orgId, id, Set.of(), commits.members(id));
      repos.delete(orgId, id);
      deleteTree(settings.dataDir().resolve("repositories").resolve(Long.toString(id)));
      p.finish(null, clock.instant());
      latest.remove(id);
      return true;
    } catch (RuntimeException e) {
      repos.releaseLease(id);
      throw e;
    }
  }

  private static void deleteTree(Path dir) {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(dir)) {
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
    return Optional.ofNullable(latest.get(repositoryId)).map(ImportProgress::snapshot);
  }

  /** Thrown when another import of the repository runs (here or in another server). */
  public static final class BusyException extends RuntimeException {
    BusyException() {
      super("an import of this repository is already running");
    }
  }

  /** Starts an import in the background; throws BusyException when one runs. */
  public ImportProgress start(Repository r) {
    ImportProgress p = lease(r);
    Thread t = Thread.ofVirtual().name("git-import-" + r.id()).unstarted(() -> {
      try {
        run(r, p);
      } finally {
        workers.remove(Thread.currentThread());
      }
    });
    workers.add(t);
    t.start();
    return p;
  }

  /** Imports now (the CLI and the scheduler); throws BusyException when another import holds the repository. */
  public ImportProgress.Snapshot importNow(Repository r, java.util.function.Consumer<ImportProgress> started) {
    ImportProgress p = lease(r);
    started.accept(p);
    run(r, p);
    return p.snapshot();
  }

  private ImportProgress lease(Repository r) {
    Instant now = clock.instant();
    if (!repos.tryLease(r.id(), now, now.plus(LEASE))) {
      throw new BusyException();
    }
    ImportProgress p = new ImportProgress(r.id(), now);
    latest.put(r.id(), p);
    return p;
  }

  private void run(Repository r, ImportProgress p) {
    String error = null;
    try {
      repos.state(r.id(), r.headSha() == null ? "importing" : "following", null);
      new RepositoryImport(repos, commits, orgs.zone(r.orgId()), settings, readSettings(r), clock).run(r, token(r), p);
    } catch (GitException | IllegalStateException e) {
      error = e.getMessage();
    } catch (Exception e) {
      log.warn("import of repository {} failed", r.id(), e);
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      boolean interrupted = Thread.interrupted();
      if (interrupted) {
        error = null; // a stopping server is not a failure: the next import starts from the stored tip
      }
      try {
        if (error != null) {
          repos.state(r.id(), "failed", error);
        }
        repos.releaseLease(r.id());
      } catch (RuntimeException e) {
        log.warn("could not record the end of the import of repository {}: {}", r.id(), e.getMessage());
      }
      p.finish(interrupted ? "stopped: the server shut down" : error, clock.instant());
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String token(Repository r) {
    return r.tokenSealed() == null ? null : box.open(r.tokenSealed(), "git-token:repository:" + r.id());
  }

  private GitAnalysis.Settings readSettings(Repository r) {
    return new GitAnalysis.Settings(new PathRules(PathRules.split(r.excludePaths()), PathRules.split(r.includePaths())),
        new DefectRules(List.of(r.fixPatterns().split("\n"))), settings.reworkWindow(), settings.fixCap());
  }

  /** The scheduler's call: every repository not fetched for the follow interval is imported again. */
  public void tick() {
    Instant due = clock.instant().minus(settings.followEvery());
    for (Repository r : repos.all()) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      if (r.lastFetchAt() == null || r.lastFetchAt().isBefore(due)) {
        try {
          importNow(r, p -> { });
        } catch (BusyException busy) {
          // another server or a manual import has it
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      t.join(10_000);
    }
  }
}
