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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code data remove ...} removes data by ingest token, identity or developer and days (or says what
 * would go with {@code --dry-run}); {@code data removals} lists the audit log. Beside a running server too.
 */
final class DataCommand {
  static final String USAGE = """
      usage: yardstick data remove [--token ID] [--email E | --identity KIND=VALUE | --developer ID]
                                   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source telemetry|admin_api] [--all] [--dry-run] [--json]
             yardstick data removals [--limit N] [--json]""";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DataCommand() {}

  static int run(List<String> args, Config config, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty() || !(args.getFirst().equals("remove") || args.getFirst().equals("removals"))) {
      err.println(USAGE);
      return 2;
    }
    Flags flags;
    RemovalRequest request = null;
    int limit;
    try {
      flags = Flags.parse(args.subList(1, args.size()));
      limit = flags.number("--limit", 20);
      if (args.getFirst().equals("remove")) {
        request = request(flags);
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (Database db = Commands.open(config)) {
      Clock clock = Clock.systemUTC();
      OrgStore orgs = new OrgStore(db);
      long org = orgs.ensureDefault(clock.instant());
      DataRemoval removals = App.dataRemoval(db, orgs, new TokenStore(db), new ReportQueries(db), new AdminUsageQueries(db),
          new PeopleService(new PeopleStore(db), clock), clock);
      if (request == null) {
        List<RemovalLog.Entry> entries = removals.log(org, limit);
        if (flags.has("--json")) {
          out.println(JSON.writeValueAsString(Map.of("removals", entries.stream().map(RemovalAnswer::of).toList())));
        } else {
          entries.forEach(e -> out.println(RemovalText.line(e)));
        }
        return 0;
      }
      RemovalLog.Entry e;
      try {
        e = removals.remove(org, request, new RemovalLog.By("cli", null, System.getProperty("user.name", "unknown")));
      } catch (IllegalArgumentException refused) {
        err.println(refused.getMessage());
        return 2;
      }
      out.print(flags.has("--json") ? JSON.writeValueAsString(RemovalAnswer.of(e)) + "\n" : RemovalText.of(e));
      return 0;
    }
  }

  private static RemovalRequest request(Flags f) {
    int people = (f.has("--email") ? 1 : 0) + (f.has("--identity") ? 1 : 0) + (f.has("--developer") ? 1 : 0);
    if (people > 1) {
      throw new IllegalArgumentException("give one of --email, --identity and --developer");
    }
    RawId identity = null;
    if (f.has("--email")) {
      identity = RemovalRequest.identity("email", f.value("--email"));
    } else if (f.has("--identity")) {
      String v = f.value("--identity");
      int eq = v.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("--identity is KIND=VALUE, as the unmatched identities list them (email=..., user_id=...)");
      }
      identity = RemovalRequest.identity(v.substring(0, eq), v.substring(eq + 1));
    }
    Set<Source> sources = null;
    if (f.has("--source")) {
      sources = EnumSet.noneOf(Source.class);
      for (String s : f.values("--source")) {
        sources.add(Source.parse(s));
      }
    }
    Long developer = f.has("--developer") ? (long) f.number("--developer", 0) : null;
    return new RemovalRequest(f.has("--token") ? f.value("--token") : null, identity, developer, f.date("--from"),
        f.date("--to"), sources, f.has("--all"), f.has("--dry-run"));
  }

  /** Flags as {@code --name value}, {@code --name=value} or a bare switch. */
  private record Flags(Map<String, List<String>> values) {
    private static final Set<String> SWITCHES = Set.of("--all", "--dry-run", "--json");
    private static final Set<String> NAMED = Set.of("--token", "--email", "--identity", "--developer", "--from", "--to",
        "--source", "--limit");

    static Flags parse(List<String> args) {
      Map<String, List<String>> values = new java.util.HashMap<>();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        if (SWITCHES.contains(name) && eq < 0) {
          values.computeIfAbsent(name, k -> new ArrayList<>());
        } else if (NAMED.contains(name)) {
          if (eq < 0 && i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(eq > 0 ? a.substring(eq + 1) : args.get(++i));
        } else {
          throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      return new Flags(values);
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String value(String name) {
      return values.get(name).getLast();
    }

    List<String> values(String name) {
      return values.get(name);
    }

    int number(String name, int otherwise) {
      if (!has(name)) {
        return otherwise;
      }
      try {
        int n = Integer.parseInt(value(name));
        if (n < 1) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a positive number (got \"" + value(name) + "\")");
      }
    }

    LocalDate date(String name) {
      if (!has(name)) {
        return null;
      }
      try {
        return LocalDate.parse(value(name));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD (got \"" + value(name) + "\")");
      }
    }
  }
}
