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
import dev.yardstick.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports a repository into a new database several times and prints, per round and in the same
 * process: the time of {@code git log --numstat --no-merges} read to the end (the mean of one read
 * just before and one just after the import), the import (commits stored), their ratio (target ≥
 * 0.5), the rework and defect analysis
 * (target ≤ 5x the import), and the CPU each used (this process, and the git processes it waited
 * for); then the time to follow one new commit (target < 1 s). Round 1 runs on a cold JVM.
 * Usage: GitImportBench [commits-to-generate | repository-dir] [h2 | pg] [rounds]
 */
public final class GitImportBench {
  /** One measured import. */
  record Round(double numstat, double importing, double analysing, Cpu numstatCpu, Cpu importCpu, long heapPeak) {
    double ratio() {
      return numstat / importing;
    }
  }

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "20000";
    boolean pg = args.length > 1 && args[1].equals("pg");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path work = Files.createTempDirectory("yardstick-git-bench");
    Path source = work.resolve("generated");
    if (what.matches("\\d+")) {
      long g0 = System.nanoTime();
      LargeRepo.build(source, Integer.parseInt(what), 7);
      System.out.printf("generated %s commits in %.1f s at %s%n", what, (System.nanoTime() - g0) / 1e9, source);
    } else {
      source = Path.of(what);
    }
    Path clone = work.resolve("clone");
    new ProcessBuilder("git", "clone", "-q", source.toString(), clone.toString()).inheritIO().start().waitFor();
    GitCli git = new GitCli(clone);
    String branch = git.output("symbolic-ref", "--short", "HEAD");
    System.out.printf("repository %s, branch %s: %s commits, %s without merges; database %s%n", source, branch,
        git.output("rev-list", "--count", branch), git.output("rev-list", "--count", "--no-merges", branch), pg ? "PostgreSQL" : "H2");
    List<Round> done = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      boolean last = i == rounds;
      Map<String, Double> threads0 = threadCpu();
      Round r = round(git, branch, Files.createDirectories(work.resolve("data" + i)), pg, last);
      done.add(r);
      Map<String, Double> threads = threadCpu();
      threads0.forEach((k, v) -> threads.merge(k, -v, Double::sum));
      System.out.printf("round %d: numstat %.2f s (cpu %s) | import %.2f s (cpu %s) | ratio %.2f | analysis %.2f s = %.2fx | heap peak %d MB%n",
          i, r.numstat(), r.numstatCpu(), r.importing(), r.importCpu(), r.ratio(), r.analysing(), r.analysing() / r.importing(),
          r.heapPeak() >> 20);
      System.out.printf("  cpu by thread over the round: %s%n", threads.entrySet().stream().filter(e -> e.getValue() >= 0.05)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
          .collect(java.util.stream.Collectors.joining(", ")));
    }
    List<Double> warm = done.stream().skip(1).map(Round::ratio).sorted().toList();
    System.out.printf("ratio numstat/import (target >= 0.5): cold %.2f; warm median %.2f, range %.2f-%.2f over %d rounds%n",
        done.getFirst().ratio(), warm.isEmpty() ? Double.NaN : warm.get(warm.size() / 2), warm.isEmpty() ? Double.NaN : warm.getFirst(),
        warm.isEmpty() ? Double.NaN : warm.getLast(), warm.size());
  }

  /** An import into a new database between two numstat reads; the last round also follows. */
  private static Round round(GitCli git, String branch, Path data, boolean pg, boolean follow) throws Exception {
    TestDatabases.Target target = pg ? TestDatabases.postgres() : null;
    try (Database db = target != null ? new Database(target.url(), target.user(), target.password(), 4)
        : new Database(Database.embeddedUrl(data), Optional.empty(), Optional.empty(), 4)) {
      db.start();
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Instant.now());
      RepositoryService service = new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs,
          SecretBox.load(Optional.empty(), data), Clock.systemUTC(),
          new RepositoryService.Settings(data, Duration.ofDays(21), 200, Duration.ofMinutes(10),
              Duration.ofMinutes(10), false, List.of(git.dir().toRealPath().getParent())));
      var repo = service.add(org, new RepositoryService.NewRepository("bench", null, git.dir().toString(), null, null, null, null, null));
      double[] numstat = new double[1];
      Cpu[] numstatCpu = {new Cpu(0, 0)};
      Work readNumstat = () -> { // half of the figure before the import, half after: the load moves during a round
        System.gc();
        Cpu c0 = Cpu.now();
        numstat[0] += time(() -> git.stream(List.of("log", "--numstat", "--no-merges", branch), l -> { })) / 2;
        numstatCpu[0] = numstatCpu[0].plus(Cpu.now().minus(c0).half());
      };
      readNumstat.run();
      System.gc();
      AnthropicBench.HeapSampler heap = new AnthropicBench.HeapSampler();
      AtomicReference<ImportProgress> progress = new AtomicReference<>();
      long[] analysingAt = {0};
      Cpu[] importCpu = new Cpu[1];
      Cpu c0 = Cpu.now();
      Thread watcher = Thread.ofPlatform().daemon(true).start(() -> {
        while (analysingAt[0] == 0) {
          ImportProgress p = progress.get();
          if (p != null && p.snapshot().phase().equals("analysing")) {
            importCpu[0] = Cpu.now().minus(c0);
            analysingAt[0] = System.nanoTime();
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      long t0 = System.nanoTime();
      ImportProgress.Snapshot s = service.importNow(repo, progress::set);
      long t1 = System.nanoTime();
      watcher.join();
      heap.close();
      if (s.error() != null) {
        throw new IllegalStateException(s.error());
      }
      readNumstat.run();
      if (follow) {
        SmallRepo working = new SmallRepo(git.dir(), false);
        for (int i = 0; i < 3; i++) {
          working.commit("dev1@example.com", "yardstick-follow.txt", 5, "follow " + i);
          var current = service.find(org, repo.id()).orElseThrow();
          System.out.printf("following one new commit: %.0f ms (target < 1000)%n", time(() -> service.importNow(current, p -> { })) * 1000);
        }
        working.git("reset", "-q", "--hard", "HEAD~3");
      }
      return new Round(numstat[0], (analysingAt[0] - t0) / 1e9, (t1 - analysingAt[0]) / 1e9, numstatCpu[0], importCpu[0],
          heap.peakUsed());
    } finally {
      TestDatabases.drop(target);
    }
  }

  /** CPU seconds of this process, and of the child processes (git) it has waited for, from /proc. */
  record Cpu(double self, double children) {
    static Cpu now() {
      try {
        String[] f = Files.readString(Path.of("/proc/self/stat")).split("\\) ", 2)[1].split(" ");
        return new Cpu((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0);
      } catch (Exception e) {
        return new Cpu(Double.NaN, Double.NaN);
      }
    }

    Cpu minus(Cpu o) {
      return new Cpu(self - o.self, children - o.children);
    }

    Cpu plus(Cpu o) {
      return new Cpu(self + o.self, children + o.children);
    }

    Cpu half() {
      return new Cpu(self / 2, children / 2);
    }

    @Override
    public String toString() {
      return String.format("%.2f + git %.2f", self, children);
    }
  }

  /** CPU seconds per thread kind of this process (compiler, GC, main, ...), from /proc. */
  static Map<String, Double> threadCpu() throws java.io.IOException {
    Map<String, Double> out = new TreeMap<>();
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : tasks) {
        try {
          String st = Files.readString(t.resolve("stat"));
          String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
          out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
        } catch (java.io.IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return out;
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
