package dev.yardstick;

import dev.yardstick.config.Config;
import dev.yardstick.people.PeopleCsv;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code developers import <file.csv>} or {@code developers export [file.csv]}. */
@Command(name = "developers", synopsisSubcommandLabel = "(import | export)",
    description = "Add, update or list developers and their teams as CSV.",
    subcommands = {DevelopersCommand.Import.class, DevelopersCommand.Export.class})
final class DevelopersCommand {
  @Command(name = "import",
      description = "Add or update developers: columns email,name,team,team_since,parent_team,manager.")
  static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE.csv", description = "the CSV file (UTF-8)")
    Path file;

    @Override
    public Integer call() throws Exception {
      Cli.Io io = Cli.io(spec);
      Config config = Cli.config(spec);
      String text = Files.readString(file);
      try (Database db = Commands.open(config)) {
        PeopleCsv.ImportResult r = csv(db).importCsv(org(db), text);
        io.out().printf("created %d, updated %d, teams created %d%n", r.created(), r.updated(), r.teamsCreated());
        r.errors().forEach(e -> io.err().println("skipped " + e));
        return r.errors().isEmpty() ? 0 : 1;
      }
    }
  }

  @Command(name = "export",
      description = "Write every developer with team, since when, parent team and manager as CSV.")
  static final class Export implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE.csv", arity = "0..1", description = "where to write it; standard output if not given")
    Path file;

    @Override
    public Integer call() throws Exception {
      Config config = Cli.config(spec);
      String out;
      try (Database db = Commands.open(config)) {
        out = csv(db).exportCsv(org(db));
      }
      if (file != null) {
        Files.writeString(file, out);
      } else {
        PrintStream stdout = Cli.io(spec).out();
        stdout.print(out);
        stdout.flush();
      }
      return 0;
    }
  }

  private static long org(Database db) {
    return new OrgStore(db).ensureDefault(Clock.systemUTC().instant());
  }

  private static PeopleCsv csv(Database db) {
    return new PeopleCsv(new PeopleService(new PeopleStore(db), Clock.systemUTC()));
  }
}
