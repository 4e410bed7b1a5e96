package dev.yardstick;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.auth.Tokens;
import dev.yardstick.config.Config;
import dev.yardstick.demo.AdminApiLoader;
import dev.yardstick.demo.CommitPlanner;
import dev.yardstick.demo.DemoClock;
import dev.yardstick.demo.DemoGenerator;
import dev.yardstick.demo.DemoOrg;
import dev.yardstick.demo.GitWriter;
import dev.yardstick.demo.PeopleLoader;
import dev.yardstick.demo.Progress;
import dev.yardstick.demo.TelemetryLoader;
import dev.yardstick.demo.TruthFile;
import dev.yardstick.people.PeopleService;
import dev.yardstick.repos.RepositoryService;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.InstanceSettings;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.RealData;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.storage.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo} fills an empty database with a generated organization through the real paths: people
 * through the people service, telemetry over OTLP/HTTP to an in-process server, Admin API rows through
 * the sync's store call, commits from a real git repository through the repository import.
 */
@Command(name = "demo", description = {"Fill an empty database with a realistic demo organization (teams, developers,",
    "Claude Code usage, a git repository) and write what was planted to a truth file."})
final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @Option(names = "--developers", paramLabel = "N", defaultValue = "60", description = "developers (default ${DEFAULT-VALUE})")
  int developers;
  @Option(names = "--days", paramLabel = "N", defaultValue = "180", description = "days of history (default ${DEFAULT-VALUE})")
  int days;
  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "the same seed makes the same organization (default ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--end", paramLabel = "YYYY-MM-DD", converter = AnthropicCommand.Day.class,
      description = "the last day (default: today in the organization's time zone)")
  LocalDate end;
  @Option(names = "--truth", paramLabel = "FILE", description = "where the ground truth goes (default <data dir>/demo-truth.json)")
  Path truth;
  @Option(names = "--repository", paramLabel = "DIR", description = "where the git repository is written (default <data dir>/demo-repo)")
  Path repository;

  @Override
  public Integer call() throws Exception {
    try {
      DemoGenerator.Options.check(developers, days);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Cli.Io io = Cli.io(spec);
    Config config = Cli.config(spec);
    Path repo = (repository != null ? repository : config.dataDir().resolve("demo-repo")).toAbsolutePath().normalize();
    Path truthFile = (truth != null ? truth : config.dataDir().resolve("demo-truth.json")).toAbsolutePath().normalize();
    Progress progress = new Progress(io.out(), io.err());
    try (Database db = Commands.open(config)) {
      List<String> present = RealData.present(db);
      if (!present.isEmpty()) {
        throw new IllegalArgumentException("the database already holds data (" + String.join(", ", present)
            + "); the demo only fills an empty database (" + db.describe() + ")");
      }
      if (Files.exists(repo) && !emptyDirectory(repo)) {
        throw new IllegalArgumentException("the demo repository directory " + repo + " is not empty; give another with --repository");
      }
      SecretBox box = SecretBox.load(config.secretKey(), config.dataDir());
      App.verifySecretKey(new InstanceSettings(db), box);
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(Clock.systemUTC().instant());
      java.time.ZoneId zone = orgs.zone(org);
      DemoGenerator.Options options = new DemoGenerator.Options(developers, days, seed,
          end != null ? end : LocalDate.now(zone), zone);

      progress.phase("generate");
      DemoOrg demo = DemoGenerator.generate(options);
      progress.done(demo.developers().size() + " developers, " + demo.days().size() + " developer-days, "
          + demo.first() + " to " + demo.last() + " (" + zone + ")");

      progress.phase("git-write");
      Files.createDirectories(repo);
      CommitPlanner planner = new CommitPlanner(demo);
      try (GitWriter git = new GitWriter(repo, demo.developers())) {
        long[] n = {0};
        long total = demo.days().stream().mapToLong(DemoOrg.Day::commits).sum();
        planner.plan(c -> {
          try {
            git.write(c);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          progress.update(++n[0], total);
        });
        git.finish(planner.truths());
      }
      progress.done(planner.truths().size() + " commits in " + repo);

      progress.phase("truth");
      Files.createDirectories(truthFile.getParent());
      TruthFile.write(truthFile, demo, planner.truths());
      progress.done(truthFile.toString());

      progress.phase("people");
      PeopleLoader.load(new PeopleService(new PeopleStore(db), Clock.systemUTC()), org, demo, progress);
      progress.done(demo.teams().size() + " teams, " + demo.developers().size() + " developers");

      progress.phase("telemetry");
      DemoClock clock = new DemoClock(demo.first().atStartOfDay(zone).toInstant());
      Tokens.NewIngestToken token = Tokens.newIngestToken();
      new TokenStore(db).createIngestToken(org, token.id(), "demo", token.secretSha256(), clock.instant());
      long posted;
      TelemetryLoader loader;
      try (App app = new App(Cli.config(spec, Map.of("YARDSTICK_HTTP_HOST", "127.0.0.1", "YARDSTICK_HTTP_PORT", "0",
          "YARDSTICK_OTLP_GRPC_PORT", "0")), clock).withoutAccountBootstrap()) {
        app.start();
        loader = new TelemetryLoader(app.httpPort(), token.token(), clock);
        posted = loader.load(demo, progress);
      }
      progress.done(posted + " developer-days in " + loader.exports() + " OTLP/HTTP exports (ingest token tk_" + token.id() + ")");

      progress.phase("admin-api");
      long rows = AdminApiLoader.load(new AnthropicStore(db), org, demo, progress);
      progress.done(rows + " Admin API rows");

      progress.phase("git-import");
      RepositoryService.Settings base = App.repositorySettings(config);
      List<Path> roots = new ArrayList<>(base.roots());
      roots.add(repo);
      RepositoryService.Settings settings = new RepositoryService.Settings(base.dataDir(), base.reworkWindow(), base.fixCap(),
          base.followEvery(), base.gitTimeout(), base.allowHttp(), roots);
      try (RepositoryService service = new RepositoryService(new RepositoryStore(db), new CommitStore(db), orgs, box,
          Clock.systemUTC(), settings)) {
        var r = service.add(org, new RepositoryService.NewRepository("demo", null, repo.toString(), null, "main", null, null, null));
        if (RepositoryCommand.importWithBar(service, r, io.err()) != 0) {
          throw new IllegalStateException("the import of the demo repository " + repo + " failed (above)");
        }
        progress.done("repository \"demo\" imported");
      }
      progress.phase("compact");
      db.closeCompacted(); // the import rewrote rows many times: H2 keeps the old versions until compacted
      progress.done(db.describe().startsWith("H2") ? "the H2 file rewritten without old row versions" : "nothing to do on PostgreSQL");
    }
    io.out().printf("demo ready in %.1f s. Repository %s must stay where it is (YARDSTICK_REPOSITORY_ROOTS should include it"
        + " for later imports).%nNo admin account was created: the first `serve` prints a setup code.%n",
        progress.totalSeconds(), repo);
    return 0;
  }

  private static boolean emptyDirectory(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
