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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repos add --name N --path P | --url U [--branch B] [--token-env VAR]} adds a repository and
 * imports it; {@code repos import N} fetches and imports new commits now; {@code repos list}. Each
 * import shows a progress bar.
 */
@Command(name = "repos", synopsisSubcommandLabel = "(add | import | list)",
    description = "Follow git repositories and import their commits.",
    subcommands = {RepositoryCommand.Add.class, RepositoryCommand.Import.class, RepositoryCommand.ListRepos.class})
final class RepositoryCommand {
  @Command(name = "add",
      description = "Follow a local git repository (--path) or a remote one (--url) and import it, with progress.")
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the name it is shown and imported by")
    String name;
    @Option(names = "--path", paramLabel = "DIR", description = "a local repository under YARDSTICK_REPOSITORY_ROOTS")
    String path;
    @Option(names = "--url", paramLabel = "URL", description = "a remote repository to clone (https://)")
    String url;
    @Option(names = "--branch", paramLabel = "BRANCH", description = "the branch to follow (default: the remote's default)")
    String branch;
    @Option(names = "--token-env", paramLabel = "VAR", description = "the environment variable holding the access token for --url")
    String tokenEnv;

    @Override
    public Integer call() throws Exception {
      Cli.Io io = Cli.io(spec);
      return withService(Cli.config(spec), (service, org) -> importWithBar(service, service.add(org,
          new RepositoryService.NewRepository(name, url, path, tokenEnv == null ? null : io.env().get(tokenEnv), branch,
              null, null, null)), io.err()));
    }
  }

  @Command(name = "import", description = "Fetch and import a repository's new commits now, with progress.")
  static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "the repository's name")
    String name;

    @Override
    public Integer call() throws Exception {
      PrintStream err = Cli.io(spec).err();
      return withService(Cli.config(spec), (service, org) -> {
        Repository r = service.list(org).stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (r == null) {
          err.println("no repository named \"" + name + "\"");
          return 1;
        }
        return importWithBar(service, r, err);
      });
    }
  }

  @Command(name = "list", description = "The repositories followed, with their state.")
  static final class ListRepos implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintStream out = Cli.io(spec).out();
      return withService(Cli.config(spec), (service, org) -> {
        for (Repository r : service.list(org)) {
          out.printf("%-24s %-10s %s %s%n", r.name(), r.state(), r.url() != null ? r.url() : r.path(),
              r.lastError() == null ? "" : "(" + r.lastError() + ")");
        }
        return 0;
      });
    }
  }

  private interface Job {
    int run(RepositoryService service, long org) throws Exception;
  }

  private static int withService(Config config, Job job) throws Exception {
    try (Database db = Commands.open(config)) {
      SecretBox box = SecretBox.load(config.secretKey(), config.dataDir());
      App.verifySecretKey(new InstanceSettings(db), box);
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Clock.systemUTC().instant());
      return job.run(new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs, box, Clock.systemUTC(),
          App.repositorySettings(config)), org);
    }
  }

  static int importWithBar(RepositoryService service, Repository r, PrintStream err) throws Exception {
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
}
