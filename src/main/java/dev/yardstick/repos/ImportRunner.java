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
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports under a lease (one import of a repository at a time, across servers), keeps the
 * imports running here, and stops one on request: its git commands are ended and it finishes as
 * stopped, not failed. Errors are told in words: git's and the database's messages go to the log.
 */
final class ImportRunner {
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
  static final Duration LEASE = Duration.ofMinutes(30);
  static final String DELETED = "the repository was deleted";
  private static final Duration STOP_WAIT = Duration.ofSeconds(20);

  /** Hears when imports begin and end (the scheduler's back-off). */
  interface Listener {
    void began(long id);

    void ended(long id, boolean failed);
  }

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
  private final RepositoryService.Settings settings;
  private final RepositorySources sources;
  private final Map<Long, ImportProgress> latest = new ConcurrentHashMap<>();
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final Set<Long> closed = ConcurrentHashMap.newKeySet();
  private volatile Listener listener = new Listener() {
    @Override
    public void began(long id) { }

    @Override
    public void ended(long id, boolean failed) { }
  };

  ImportRunner(RepositoryStore repos, CommitStore commits, OrgStore orgs, SecretBox box, Clock clock,
      RepositoryService.Settings settings, RepositorySources sources) {
    this.repos = repos;
    this.commits = commits;
    this.orgs = orgs;
    this.box = box;
    this.clock = clock;
    this.settings = settings;
    this.sources = sources;
  }

  void listener(Listener l) {
    this.listener = l;
  }

  Optional<ImportProgress> progress(long id) {
    return Optional.ofNullable(latest.get(id));
  }

  /** Takes the repository's lease; throws BusyException when another import holds it or it is being deleted. */
  ImportProgress lease(Repository r) {
    Instant now = clock.instant();
    if (closed.contains(r.id()) || !repos.tryLease(r.id(), now, now.plus(LEASE))) {
      throw new RepositoryService.BusyException();
    }
    ImportProgress p = new ImportProgress(r.id(), now);
    latest.put(r.id(), p);
    return p;
  }

  /** No import of the repository starts here any more; the one running is stopped and waited for. */
  void close(long id) {
    closed.add(id);
    Running run = running.get(id);
    if (run == null) {
      return;
    }
    run.stopReason = DELETED;
    try {
      if (!run.done.await(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("the import of repository {} did not stop within {} s", id, STOP_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The repository is gone: what this server remembers of it goes too. */
  void forget(long id) {
    Optional.ofNullable(latest.remove(id)).ifPresent(p -> p.finish("stopped: " + DELETED, clock.instant()));
    closed.remove(id);
  }

  /**
   * Stops the imports running here of repositories deleted elsewhere, renews the leases of long
   * ones, and returns the ids of repositories running here.
   */
  Set<Long> tend(Set<Long> present) {
    Instant now = clock.instant();
    running.forEach((id, run) -> {
      if (!present.contains(id)) {
        run.stopReason = DELETED;
      } else if (run.leasedAt.plus(LEASE.dividedBy(2)).isBefore(now)) {
        repos.renewLease(id, now.plus(LEASE)); // a long import keeps its repository from other servers
        run.leasedAt = now;
      }
    });
    return Set.copyOf(running.keySet());
  }

  void stopAll(String why) {
    running.values().forEach(run -> run.stopReason = why);
  }

  /** Limits for git commands of a local repository (a clone widens the transports to the ones allowed). */
  static GitCli.Limits limits(RepositoryService.Settings settings, BooleanSupplier stopped) {
    return new GitCli.Limits(settings.gitTimeout(), stopped, List.of("https"));
  }

  /** @param listed the repository as it was listed; it is read again under the lease (an import may have moved it since) */
  void run(Repository listed, ImportProgress p) {
    Optional<Repository> now = repos.find(listed.orgId(), listed.id());
    if (now.isEmpty()) {
      repos.releaseLease(listed.id());
      p.finish("stopped: " + DELETED, clock.instant());
      return;
    }
    Repository r = now.get();
    Running me = new Running();
    me.leasedAt = p.snapshot().startedAt();
    running.put(r.id(), me);
    listener.began(r.id());
    String error = null;
    try {
      repos.state(r.id(), r.headSha() == null ? "importing" : "following", null);
      new RepositoryImport(repos, commits, orgs.zone(r.orgId()), settings, readSettings(r), clock)
          .run(r, token(r), p, sources, limits(settings, () -> me.stopReason != null));
    } catch (GitException.Stopped e) {
      error = null; // asked to stop: see below
    } catch (GitException | IllegalArgumentException e) {
      error = e.getMessage(); // our own words
    } catch (Exception e) {
      error = SqlFailure.unavailable(e) ? "the database was unreachable; the next follow tries again"
          : "the import failed on the server's side (the server log has the details); the next follow tries again";
      log.warn("import of repository {} failed", r.id(), e);
    } finally {
      end(r, p, me, error);
    }
  }

  private void end(Repository r, ImportProgress p, Running me, String error) {
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
    listener.ended(r.id(), stopped == null && error != null);
    running.remove(r.id(), me);
    me.done.countDown();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private String token(Repository r) {
    return r.tokenSealed() == null ? null : box.open(r.tokenSealed(), "git-token:repository:" + r.id());
  }

  private GitAnalysis.Settings readSettings(Repository r) {
    return new GitAnalysis.Settings(new PathRules(PathRules.split(r.excludePaths()), PathRules.split(r.includePaths())),
        new DefectRules(List.of(r.fixPatterns().split("\n"))), settings.reworkWindow(), settings.fixCap());
  }
}
