package dev.yardstick;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.config.Config;
import dev.yardstick.repos.ImportProgress;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.InstanceSettings;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.storage.RepositoryStore.Repository;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code repos add --name N --path P | --url U [--branch B] [--token-env VAR]} adds a repository and
 * imports it; {@code repos import N} fetches and imports new commits now; {@code repos list}. Each
 * import shows a progress bar.
 */
final class RepositoryCommand {
  private RepositoryCommand() {}

  static int run(List<String> args, Config config, PrintStream out, PrintStream err) throws Exception {
    String verb = args.isEmpty() ? "" : args.getFirst();
    if (!List.of("add", "import", "list").contains(verb)) {
      err.println("usage: yardstick repos add --name NAME (--path DIR | --url URL [--token-env VAR]) [--branch B]\n"
          + "       yardstick repos import NAME\n       yardstick repos list");
      return 2;
    }
    try (Database db = Commands.open(config)) {
      SecretBox box = SecretBox.load(config.secretKey(), config.dataDir());
      App.verifySecretKey(new InstanceSettings(db), box);
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Clock.systemUTC().instant());
      RepositoryService service = new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs, box, Clock.systemUTC(),
          App.repositorySettings(config));
      if (verb.equals("list")) {
        for (Repository r : service.list(org)) {
          out.printf("%-24s %-10s %s %s%n", r.name(), r.state(), r.url() != null ? r.url() : r.path(),
              r.lastError() == null ? "" : "(" + r.lastError() + ")");
        }
        return 0;
      }
      Repository r;
      if (verb.equals("add")) {
        String tokenEnv = Flags.value(args, "--token-env");
        r = service.add(org, new RepositoryService.NewRepository(Flags.value(args, "--name"), Flags.value(args, "--url"),
            Flags.value(args, "--path"), tokenEnv == null ? null : System.getenv(tokenEnv), Flags.value(args, "--branch"),
            null, null, null));
      } else {
        String name = args.size() > 1 ? args.get(1) : "";
        r = service.list(org).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (r == null) {
          err.println("no repository named \"" + name + "\"");
          return 1;
        }
      }
      return importWithBar(service, r, err);
    }
  }

  private static int importWithBar(RepositoryService service, Repository r, PrintStream err) throws Exception {
    AtomicReference<ImportProgress> progress = new AtomicReference<>();
    Repository target = r;
    CompletableFuture<ImportProgress.Snapshot> done = CompletableFuture.supplyAsync(() -> service.importNow(target, progress::set));
    while (!done.isDone()) {
      if (progress.get() != null) {
        err.print("\r" + bar(progress.get().snapshot()));
      }
      Thread.sleep(200);
    }
    ImportProgress.Snapshot s;
    try {
      s = done.get();
    } catch (java.util.concurrent.ExecutionException e) {
      err.println("\n" + e.getCause().getMessage());
      return 1;
    }
    err.println("\r" + bar(s));
    if (s.error() != null) {
      err.println("failed: " + s.error());
      return 1;
    }
    if (s.note() != null) {
      err.println(s.note());
    }
    err.printf("%s: %d new commit%s%n", r.name(), s.newCommits(), s.newCommits() == 1 ? "" : "s");
    return 0;
  }

  static String bar(ImportProgress.Snapshot s) {
    int width = 30;
    int filled = s.percent() * width / 100;
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format("%3d%%", s.percent()) + "  "
        + s.phase() + " " + s.done() + "/" + s.total() + " commits   ";
  }

  /** --flag value or --flag=value. */
  static final class Flags {
    static String value(List<String> args, String flag) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.startsWith(flag + "=")) {
          return a.substring(flag.length() + 1);
        }
        if (a.equals(flag) && i + 1 < args.size()) {
          return args.get(i + 1);
        }
      }
      return null;
    }
  }
}
