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
import dev.yardstick.storage.SqlFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repositories an organization follows: added by path or URL, imported once, then fetched on a
 * schedule with only new commits imported. A rewritten branch (force-push) drops the commits no
 * longer on it and says so in the status. An import can be stopped (deleting the repository stops
 * its import), and every git command it runs has a time limit.
 */
public final class RepositoryService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RepositoryService.class);
  private static final Duration LEASE = Duration.ofMinutes(30);
  private static final Duration STOP_WAIT = Duration.ofSeconds(20);

  /**
   * Everything that stays the same between imports.
   *
   * @param roots real paths of the directories local repositories may be read from; empty = none
   */
  public record Settings(Path dataDir, Duration reworkWindow, int fixCap, Duration followEvery, Duration gitTimeout,
      boolean allowHttp, List<Path> roots) {}

  /** An import running in this server, and why it should stop (null while it should not). */
  private static final class Running {
    volatile String stopReason;
    volatile Instant leasedAt;
    final CountDownLatch done = new CountDownLatch(1);
  }

  private final RepositoryStore repos;
  private final CommitStore commits;
  private final OrgStore orgs;
  private final SecretBox box;
  private final Clock clock;
  private final Settings settings;
  private final RepositorySources sources;
  private final GitFollower follower;
  private final Map<Long, ImportProgress> latest = new ConcurrentHashMap<>();
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final Set<Long> deleting = ConcurrentHashMap.newKeySet();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  public RepositoryService(RepositoryStore repos, CommitStore commits, OrgStore orgs, SecretBox box, Clock clock, Settings settings) {
    this.repos = repos;
    this.commits = commits;
    this.orgs = orgs;
    this.box = box;
    this.clock = clock;
    this.settings = settings;
    this.sources = new RepositorySources(settings.allowHttp(), settings.roots(), limits(() -> false));
    this.follower = new GitFollower(this, clock, settings.followEvery());
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
    deleting.add(id);
    try {
      stop(id, "the repository was deleted");
      Instant now = clock.instant();
      repos.tryLease(id, now, now.plus(LEASE)); // keeps other servers from starting one; theirs stop at their next look
      commits.forgetRepository(orgId, id);
      deleteTree(home(id));
      Optional.ofNullable(latest.remove(id)).ifPresent(p -> p.finish("stopped: the repository was deleted", clock.instant()));
      follower.forget(id);
      return true;
    } finally {
      deleting.remove(id);
    }
  }

  /** Asks the import of the repository running here, if any, to stop, and waits for it to end. */
  private void stop(long id, String why) {
    Running run = running.get(id);
    if (run == null) {
      return;
    }
    run.stopReason = why;
    try {
      if (!run.done.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("the import of repository {} did not stop within {} s", id, STOP_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private Path home(long id) {
    return settings.dataDir().resolve("repositories").resolve(Long.toString(id));
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
  public ImportProgress.Snapshot importNow(Repository r, Consumer<ImportProgress> started) {
    ImportProgress p = lease(r);
    started.accept(p);
    run(r, p);
    return p.snapshot();
  }

  private ImportProgress lease(Repository r) {
    Instant now = clock.instant();
    if (deleting.contains(r.id()) || !repos.tryLease(r.id(), now, now.plus(LEASE))) {
      throw new BusyException();
    }
    ImportProgress p = new ImportProgress(r.id(), now);
    latest.put(r.id(), p);
    return p;
  }

  private GitCli.Limits limits(java.util.function.BooleanSupplier stopped) {
    return new GitCli.Limits(settings.gitTimeout(), stopped, List.of("https"));
  }

  /** @param listed the repository as it was listed; it is read again under the lease (an import may have moved it since) */
  private void run(Repository listed, ImportProgress p) {
    Optional<Repository> now = repos.find(listed.orgId(), listed.id());
    if (now.isEmpty()) {
      repos.releaseLease(listed.id());
      p.finish("stopped: the repository was deleted", clock.instant());
      return;
    }
    Repository r = now.get();
    Running me = new Running();
    me.leasedAt = p.snapshot().startedAt();
    running.put(r.id(), me);
    follower.began(r.id());
    String error = null;
    try {
      repos.state(r.id(), r.headSha() == null ? "importing" : "following", null);
      new RepositoryImport(repos, commits, orgs.zone(r.orgId()), settings, readSettings(r), clock)
          .run(r, token(r), p, sources, limits(() -> me.stopReason != null));
    } catch (GitException.Stopped e) {
      error = null; // asked to stop: see below
    } catch (GitException | IllegalArgumentException e) {
      error = e.getMessage(); // our own words
    } catch (Exception e) {
      error = SqlFailure.unavailable(e) ? "the database was unreachable; the next follow tries again"
          : "the import failed on the server's side (the server log has the details); the next follow tries again";
      log.warn("import of repository {} failed", r.id(), e);
    } finally {
      boolean interrupted = Thread.interrupted();
      String stopped = me.stopReason != null ? me.stopReason : interrupted ? "the server shut down" : null;
      try {
        if (stopped == null && error != null) {
          repos.state(r.id(), "failed", error);
        }
        repos.releaseLease(r.id());
      } catch (RuntimeException e) {
        log.warn("could not record the end of the import of repository {}: {}", r.id(), e.getMessage());
      }
      // a stop is not a failure: the next import starts from the stored tip
      p.finish(stopped != null ? "stopped: " + stopped : error, clock.instant());
      follower.ended(r.id(), stopped == null && error != null);
      running.remove(r.id(), me);
      me.done.countDown();
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

  /** Starts following: every {@code check}, the repositories due are fetched and imported, each on its own worker. */
  public void follow(Duration check) {
    follower.start(check);
  }

  List<Repository> all() {
    return repos.all();
  }

  /**
   * Stops the imports running here of repositories deleted elsewhere (and renews the leases of the
   * others), and deletes the mirrors left of deleted ones here (only of repositories older than the
   * newest listed one: a newer one may be starting).
   */
  void tendRunning(List<Repository> all) {
    Set<Long> present = all.stream().map(Repository::id).collect(Collectors.toSet());
    Instant now = clock.instant();
    running.forEach((id, run) -> {
      if (!present.contains(id)) {
        run.stopReason = "the repository was deleted";
      } else if (run.leasedAt.plus(LEASE.dividedBy(2)).isBefore(now)) {
        repos.renewLease(id, now.plus(LEASE)); // a long import keeps its repository from other servers
        run.leasedAt = now;
      }
    });
    long newest = present.stream().mapToLong(Long::longValue).max().orElse(0);
    try (var dirs = Files.list(settings.dataDir().resolve("repositories"))) {
      dirs.map(d -> d.getFileName().toString()).filter(n -> n.matches("\\d{1,18}")).map(Long::parseLong)
          .filter(id -> id < newest && !present.contains(id) && !running.containsKey(id)).forEach(id -> deleteTree(home(id)));
    } catch (java.io.IOException e) {
      // no mirrors yet
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.values().forEach(run -> run.stopReason = "the server shut down");
    follower.close();
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      t.join(10_000);
    }
  }
}
