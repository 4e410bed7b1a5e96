package dev.yardstick;

import dev.yardstick.auth.SecretBox;
import dev.yardstick.config.Config;
import dev.yardstick.ingest.anthropic.AdminApiClient;
import dev.yardstick.ingest.anthropic.AnthropicSync;
import dev.yardstick.ingest.anthropic.SyncProgress;
import dev.yardstick.ops.ServerMetrics;
import dev.yardstick.storage.AnthropicStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.InstanceSettings;
import dev.yardstick.storage.OrgStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code anthropic sync --from YYYY-MM-DD --to YYYY-MM-DD}: fetches those days now, with a progress bar. */
@Command(name = "anthropic", synopsisSubcommandLabel = "sync",
    description = "Work with Anthropic's Admin API.", subcommands = AnthropicCommand.Sync.class)
final class AnthropicCommand {
  @Command(name = "sync",
      description = "Fetch those days from the Admin API now (default: the backlog), with progress on standard error.")
  static final class Sync implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Day.class, description = "first day (default: the next day not yet fetched)")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Day.class, description = "last day (default: today, UTC)")
    LocalDate to;

    @Override
    public Integer call() throws Exception {
      return sync(from, to, Cli.config(spec), Cli.io(spec).err());
    }
  }

  /** A day as YYYY-MM-DD; picocli names the option in its message. */
  static final class Day implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("must be a date as YYYY-MM-DD (got \"" + value + "\")");
      }
    }
  }

  static int sync(LocalDate from, LocalDate to, Config config, PrintStream err) throws Exception {
    try (Database db = Commands.open(config)) {
      SecretBox box = SecretBox.load(config.secretKey(), config.dataDir());
      App.verifySecretKey(new InstanceSettings(db), box);
      long org = new OrgStore(db).ensureDefault(Clock.systemUTC().instant());
      // the command's own counters go nowhere: rows it refuses are said in the integration's last error
      AnthropicSync sync = new AnthropicSync(new AnthropicStore(db), box, AdminApiClient.standard(config.anthropicApiUrl()),
          Clock.systemUTC(), AdminApiClient.MAX_PAGE, new ServerMetrics());
      var integration = sync.integration(org);
      if (integration.isEmpty()) {
        err.println("No Admin API key is saved: PUT /api/v1/integrations/anthropic {\"adminApiKey\": ...} first.");
        return 1;
      }
      LocalDate f = from != null ? from : integration.get().nextDay().isAfter(sync.today()) ? sync.today().minusDays(2)
          : integration.get().nextDay();
      LocalDate t = to != null ? to : sync.today();
      SyncProgress p;
      try {
        p = sync.prepare(org, f, t);
      } catch (AnthropicSync.BusyException e) {
        err.println("A sync of this organization is already running (perhaps in the server); try again when it ends.");
        return 1;
      }
      CompletableFuture<SyncProgress.Snapshot> done = CompletableFuture.supplyAsync(() -> sync.syncNow(org, f, t, p));
      while (!done.isDone()) {
        err.print("\r" + bar(p.snapshot()));
        Thread.sleep(200);
      }
      SyncProgress.Snapshot s = done.get();
      err.println("\r" + bar(s));
      if (s.error() != null) {
        err.println("failed: " + s.error());
        return 1;
      }
      err.printf("synced %d days, %d rows in %d pages%n", s.daysDone(), s.rows(), s.pages());
      return 0;
    }
  }

  static String bar(SyncProgress.Snapshot s) {
    int width = 30;
    int filled = s.percent() * width / 100;
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format("%3d%%", s.percent())
        + "  " + s.daysDone() + "/" + s.daysTotal() + " days  " + s.rows() + " rows"
        + (s.currentDay() == null ? "" : "  at " + s.currentDay()) + "   ";
  }
}
