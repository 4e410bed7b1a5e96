package dev.yardstick.bench;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.git.GitCli;
import dev.yardstick.git.LargeRepo;
import dev.yardstick.repos.ImportProgress;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.RepositoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports a generated repository of COMMITS commits into a database and prints, from the same run:
 * the time of {@code git log --numstat --no-merges} read to the end, the import (commits stored),
 * its ratio to that (target ≥ 0.5), the rework and defect analysis (target ≤ 5x the import), the
 * time to follow one new commit (target < 1 s), and heap.
 * Usage: GitImportBench [commits] [jdbc-url-or-"h2"] [pg-user] [existing-repo-dir]
 */
public final class GitImportBench {
  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String url = args.length > 1 && !args[1].equals("h2") ? args[1] : null;
    Optional<String> user = args.length > 2 ? Optional.of(args[2]) : Optional.empty();
    Path work = Files.createTempDirectory("yardstick-git-bench");
    Path source = args.length > 3 ? Path.of(args[3]) : work.resolve("generated");
    if (args.length <= 3) {
      long g0 = System.nanoTime();
      LargeRepo.build(source, commits, 7);
      System.out.printf("generated %d commits in %.1f s at %s%n", commits, (System.nanoTime() - g0) / 1e9, source);
    }
    Path clone = work.resolve("clone");
    new ProcessBuilder("git", "clone", "-q", source.toString(), clone.toString()).inheritIO().start().waitFor();
    GitCli git = new GitCli(clone);
    System.gc();
    double numstat = time(() -> {
      AtomicLong lines = new AtomicLong();
      git.stream(List.of("log", "--numstat", "--no-merges", "main"), l -> lines.incrementAndGet());
    });
    try (Database db = new Database(url != null ? url : Database.embeddedUrl(work.resolve("data")), user, Optional.empty(), 4)) {
      db.start();
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      RepositoryService service = new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs,
          SecretBox.load(Optional.empty(), work), Clock.systemUTC(),
          new RepositoryService.Settings(work.resolve("data"), Duration.ofDays(21), 200, Duration.ofMinutes(10),
              Duration.ofMinutes(10), false, List.of(work.toRealPath())));
      var repo = service.add(org, new RepositoryService.NewRepository("bench", null, clone.toString(), null, null, null, null, null));
      AnthropicBench.HeapSampler heap = new AnthropicBench.HeapSampler();
      AtomicReference<ImportProgress> progress = new AtomicReference<>();
      long[] analysingAt = {0};
      Thread watcher = Thread.ofPlatform().daemon(true).start(() -> {
        while (analysingAt[0] == 0) {
          ImportProgress p = progress.get();
          if (p != null && p.snapshot().phase().equals("analysing")) {
            analysingAt[0] = System.nanoTime();
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      long t0 = System.nanoTime();
      ImportProgress.Snapshot s = service.importNow(repo, progress::set);
      long t1 = System.nanoTime();
      watcher.interrupt();
      heap.close();
      if (s.error() != null) {
        throw new IllegalStateException(s.error());
      }
      double importing = (analysingAt[0] - t0) / 1e9;
      double analysing = (t1 - analysingAt[0]) / 1e9;
      System.out.printf("database %s, %d commits stored%n", db.describe(), s.newCommits());
      System.out.printf("git log --numstat --no-merges, read to the end: %.2f s%n", numstat);
      System.out.printf("import (read + store commits):  %.2f s  ratio numstat/import %.2f (target >= 0.5)%n", importing,
          numstat / importing);
      System.out.printf("rework + defect analysis:       %.2f s  = %.2fx the import (target <= 5)%n", analysing, analysing / importing);
      System.out.printf("heap: peak used %d MB (max %d MB)%n", heap.peakUsed() >> 20, Runtime.getRuntime().maxMemory() >> 20);
      SmallRepo working = new SmallRepo(clone, false);
      for (int i = 0; i < 3; i++) {
        working.commit("dev1@example.com", "src/follow.txt", 5, "follow " + i);
        var current = service.find(org, repo.id()).orElseThrow();
        double follow = time(() -> service.importNow(current, p -> { }));
        System.out.printf("following one new commit: %.0f ms (target < 1000)%n", follow * 1000);
      }
    }
  }

  interface Work {
    void run() throws Exception;
  }

  static double time(Work w) throws Exception {
    long t0 = System.nanoTime();
    w.run();
    return (System.nanoTime() - t0) / 1e9;
  }
}
