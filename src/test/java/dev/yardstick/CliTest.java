package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The command line run in-process: help for every command, usage errors naming what was wrong, exit codes. */
class CliTest {
  record Run(int code, String out, String err) {}

  /** No database is ever opened: every run here ends in parsing, or in a setting refused before any work. */
  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new Cli.Io(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The settings of a command that works on this data directory and database (demo, repos, data). */
  static Map<String, String> env(java.nio.file.Path dataDir, dev.yardstick.testing.TestDatabases.Target db) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("YARDSTICK_DATA_DIR", dataDir.toString());
    env.put("YARDSTICK_DB_URL", db.url());
    db.user().ifPresent(u -> env.put("YARDSTICK_DB_USER", u));
    db.password().ifPresent(p -> env.put("YARDSTICK_DB_PASSWORD", p));
    return env;
  }

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "serve                 | --http-port=VALUE, --otlp-grpc-port=VALUE, --db-url=VALUE, --log-level=VALUE, YARDSTICK_HTTP_PORT",
      "developers            | import, export",
      "developers import     | FILE.csv",
      "developers export     | [FILE.csv]",
      "anthropic             | sync",
      "anthropic sync        | --from=YYYY-MM-DD, --to=YYYY-MM-DD",
      "repos                 | add, import, list",
      "repos add             | --name=NAME, --path=DIR, --url=URL, --branch=BRANCH, --token-env=VAR",
      "repos import          | NAME",
      "repos list            | Usage: yardstick repos list",
      "data                  | remove, removals",
      "data remove           | --token=ID, --email=E, --identity=KIND=VALUE, --developer=ID, --from=YYYY-MM-DD, --to=YYYY-MM-DD, --source=telemetry|admin_api, --all, --dry-run, --json",
      "data removals         | --limit=N, --json",
      "demo                  | --developers=N, --days=N, --seed=N, --end=YYYY-MM-DD, --truth=FILE, --repository=DIR",
      "version               | Usage: yardstick version"})
  void help_ofEveryCommand_listsItsOptions_onStandardOutput(String command, String expected) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    Run r = run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: yardstick " + command).contains("-h, --help");
    for (String option : expected.split(", ")) {
      assertThat(r.out()).contains(option);
    }
    assertThat(r.err()).isEmpty();
  }

  @Test
  void help_andNoArguments_listTheCommandsAndEverySetting() {
    for (Run r : List.of(run("help"), run("--help"), run())) {
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("serve", "developers", "anthropic", "repos", "data", "demo", "version");
      for (Config.Setting s : Config.SETTINGS) {
        assertThat(r.out()).contains(s.name()).contains(s.flag());
      }
    }
    assertThat(run("help", "data").out()).startsWith("Usage: yardstick data");
  }

  @Test
  void version_asCommandAndFlag() {
    assertThat(run("version")).isEqualTo(new Run(0, "yardstick dev\n", ""));
    assertThat(run("--version")).isEqualTo(new Run(0, "yardstick dev\n", ""));
  }

  @Test
  void misspeltOption_isAUsageError_namingIt() {
    Run serve = run("serve", "--http-prot=9000");
    Run remove = run("data", "remove", "--dry-rnu");

    assertThat(serve.code()).isEqualTo(2);
    assertThat(serve.err()).startsWith("Unknown option: '--http-prot=9000'").contains("--http-port")
        .endsWith("See 'yardstick serve --help'.\n");
    assertThat(serve.out()).isEmpty();
    assertThat(remove.code()).isEqualTo(2);
    assertThat(remove.err()).startsWith("Unknown option: '--dry-rnu'").contains("--dry-run")
        .endsWith("See 'yardstick data remove --help'.\n");
  }

  @Test
  void unknownCommand_isAUsageError_namingIt() {
    Run r = run("sevre");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Unmatched argument at index 0: 'sevre'").endsWith("See 'yardstick --help'.\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badValues_missingArgumentsAndMissingSubcommands_areUsageErrors() {
    assertThat(run("anthropic", "sync", "--from", "yesterday")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("Invalid value for option '--from': must be a date as YYYY-MM-DD (got \"yesterday\")");
    });
    assertThat(run("data", "removals", "--limit", "0")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("--limit must be a positive number (got \"0\")");
    });
    assertThat(run("data", "remove", "--email", "a@b.c", "--developer", "3")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("give one of --email, --identity and --developer");
    });
    assertThat(run("data", "remove", "--dry-run")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("a removal needs a filter: ingestToken, identity, developerId, from or to");
    });
    assertThat(run("data", "remove", "--all", "--source", "nope").err()).startsWith("\"sources\" may hold telemetry and admin_api");
    assertThat(run("developers", "import").err()).startsWith("Missing required parameter: 'FILE.csv'");
    assertThat(run("repos", "add", "--path", "/tmp").err()).startsWith("Missing required option: '--name=NAME'");
    assertThat(run("repos").err()).startsWith("Missing required subcommand").contains("add", "import", "list");
    assertThat(run("repos").code()).isEqualTo(2);
    assertThat(run("demo", "--developers", "0")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("--developers must be 1 to 100000 and --days 7 to 3650 (got 0 and 180)");
    });
  }

  @Test
  void aFileThatIsNotThere_failsNamingIt_beforeAnyDatabaseOpens() {
    Run r = run("developers", "import", "/no/such/people.csv");

    assertThat(r).isEqualTo(new Run(1, "", "yardstick: no such file: /no/such/people.csv\n"));
  }

  @Test
  void anInvalidSetting_endsTheCommandBeforeAnyWork_namingTheVariable() {
    Run flag = run("serve", "--http-port=eighty");
    Run env = run(Map.of("YARDSTICK_DB_URL", "mysql://x"), "data", "removals");

    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).startsWith("yardstick: invalid setting YARDSTICK_HTTP_PORT=eighty");
    assertThat(env.code()).isEqualTo(2);
    assertThat(env.err()).startsWith("yardstick: invalid setting YARDSTICK_DB_URL");
  }
}
