package dev.yardstick;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.yardstick.config.Config;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.people.PeopleService;
import dev.yardstick.removal.DataRemoval;
import dev.yardstick.removal.RemovalAnswer;
import dev.yardstick.removal.RemovalRequest;
import dev.yardstick.removal.RemovalRequest.Source;
import dev.yardstick.storage.AdminUsageQueries;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.RemovalLog;
import dev.yardstick.storage.ReportQueries;
import dev.yardstick.storage.TokenStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code data remove ...} removes data by ingest token, identity or developer and days (or says what
 * would go with {@code --dry-run}); {@code data removals} lists the audit log. Beside a running server too.
 */
@Command(name = "data", synopsisSubcommandLabel = "(remove | removals)",
    description = "Remove data and read the audit log of removals.",
    subcommands = {DataCommand.Remove.class, DataCommand.Removals.class})
final class DataCommand {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Command(name = "remove",
      description = "Remove data (whole fact groups) and rebuild the figures; --dry-run says what would go.")
  static final class Remove implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--token", paramLabel = "ID", description = "data sent with this ingest token (its id, or tk_<id>)")
    String token;
    @Option(names = "--email", paramLabel = "E", description = "data of this email identity")
    String email;
    @Option(names = "--identity", paramLabel = "KIND=VALUE", description = "data of this identity, as the unmatched identities list them")
    String identity;
    @Option(names = "--developer", paramLabel = "ID", description = "data of every identity of this developer")
    Long developer;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = AnthropicCommand.Day.class, description = "first day")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = AnthropicCommand.Day.class, description = "last day")
    LocalDate to;
    @Option(names = "--source", paramLabel = "telemetry|admin_api", description = "only this source (repeatable)")
    List<String> sources;
    @Option(names = "--all", description = "remove everything (needed when no other filter is given)")
    boolean all;
    @Option(names = "--dry-run", description = "say what would go, remove nothing")
    boolean dryRun;
    @Option(names = "--json", description = "answer as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      RemovalRequest request;
      try {
        request = request();
      } catch (IllegalArgumentException e) { // the request's own checks: a usage error, as the old parser had it
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      Cli.Io io = Cli.io(spec);
      return withRemoval(Cli.config(spec), (removals, org) -> {
        RemovalLog.Entry e;
        try {
          e = removals.remove(org, request, new RemovalLog.By("cli", null, System.getProperty("user.name", "unknown")));
        } catch (IllegalArgumentException refused) {
          io.err().println(refused.getMessage());
          return 2;
        }
        io.out().print(json ? JSON.writeValueAsString(RemovalAnswer.of(e)) + "\n" : RemovalText.of(e));
        return 0;
      });
    }

    private RemovalRequest request() {
      if ((email != null ? 1 : 0) + (identity != null ? 1 : 0) + (developer != null ? 1 : 0) > 1) {
        throw new ParameterException(spec.commandLine(), "give one of --email, --identity and --developer");
      }
      if (developer != null && developer < 1) {
        throw new ParameterException(spec.commandLine(), "--developer must be a positive number (got \"" + developer + "\")");
      }
      RawId id = null;
      if (email != null) {
        id = RemovalRequest.identity("email", email);
      } else if (identity != null) {
        int eq = identity.indexOf('=');
        if (eq < 1) {
          throw new ParameterException(spec.commandLine(),
              "--identity is KIND=VALUE, as the unmatched identities list them (email=..., user_id=...)");
        }
        id = RemovalRequest.identity(identity.substring(0, eq), identity.substring(eq + 1));
      }
      Set<Source> only = null;
      if (sources != null) {
        only = EnumSet.noneOf(Source.class);
        for (String s : sources) {
          try {
            only.add(Source.parse(s));
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
          }
        }
      }
      return new RemovalRequest(token, id, developer, from, to, only, all, dryRun);
    }
  }

  @Command(name = "removals", description = "The audit log of removals: who, when, what.")
  static final class Removals implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "the newest N (default ${DEFAULT-VALUE})")
    int limit;
    @Option(names = "--json", description = "answer as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (limit < 1) {
        throw new ParameterException(spec.commandLine(), "--limit must be a positive number (got \"" + limit + "\")");
      }
      PrintStream out = Cli.io(spec).out();
      return withRemoval(Cli.config(spec), (removals, org) -> {
        List<RemovalLog.Entry> entries = removals.log(org, limit);
        if (json) {
          out.println(JSON.writeValueAsString(Map.of("removals", entries.stream().map(RemovalAnswer::of).toList())));
        } else {
          entries.forEach(e -> out.println(RemovalText.line(e)));
        }
        return 0;
      });
    }
  }

  private interface Job {
    int run(DataRemoval removals, long org) throws Exception;
  }

  private static int withRemoval(Config config, Job job) throws Exception {
    try (Database db = Commands.open(config)) {
      Clock clock = Clock.systemUTC();
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(clock.instant());
      return job.run(App.dataRemoval(db, orgs, new TokenStore(db), new ReportQueries(db), new AdminUsageQueries(db),
          new PeopleService(new PeopleStore(db), clock), clock), org);
    }
  }
}
