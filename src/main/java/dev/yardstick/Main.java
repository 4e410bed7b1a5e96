package dev.yardstick;

import ch.qos.logback.classic.Level;
import dev.yardstick.config.Config;
import dev.yardstick.config.ConfigException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** The command line: {@code serve} runs the service; {@code help} lists every setting. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    switch (command) {
      case "serve" -> serve(rest);
      case "developers" -> System.exit(Commands.developers(rest, settings(List.of())));
      case "anthropic" -> System.exit(AnthropicCommand.run(rest, settings(List.of()), System.err));
      case "repos" -> System.exit(RepositoryCommand.run(rest, settings(List.of()), System.out, System.err));
      case "data" -> System.exit(DataCommand.run(rest, settings(List.of()), System.out, System.err));
      case "version", "--version" -> System.out.println("yardstick " + version());
      case "help", "--help", "-h" -> help();
      default -> {
        System.err.println("unknown command: " + command);
        help();
        System.exit(2);
      }
    }
  }

  /** The settings from the environment and flags; an invalid one ends the process naming the variable. */
  private static Config settings(List<String> flags) {
    try {
      Config config = Config.load(System.getenv(), flags);
      configureLogging(config.logLevel());
      return config;
    } catch (ConfigException e) {
      System.err.println("yardstick: invalid setting " + e.getMessage());
      System.exit(2);
      throw e;
    }
  }

  private static void serve(List<String> flags) throws Exception {
    Config config = settings(flags);
    App app = new App(config, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.close();
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }, "yardstick-shutdown"));
    try {
      app.start();
    } catch (Exception e) {
      LoggerFactory.getLogger(Main.class).error("start-up failed: {}", e.getMessage(), e);
      System.exit(1);
    }
    stopped.await();
  }

  private static void configureLogging(String level) {
    var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
  }

  private static void help() {
    System.out.println("""
        Usage: java -jar yardstick.jar <command> [--setting=value ...]

        Commands:
          serve                               run the service (HTTP UI/API/OTLP, OTLP/gRPC)
          developers import <file.csv>        add or update developers: columns email,name,team,team_since,parent_team,manager
          developers export [file.csv]        write every developer with team, since when, parent team and manager as CSV
          anthropic sync [--from D] [--to D]  fetch those days from the Admin API now (default: the backlog), with progress
          repos add --name N --path DIR       follow a local git repository (or --url URL [--token-env VAR]) and import it
          repos import N                      fetch and import a repository's new commits now, with progress
          repos list                          the repositories followed, with their state
          data remove [--token ID] [--email E | --identity KIND=VALUE | --developer ID] [--from D] [--to D]
                      [--source telemetry|admin_api] [--all] [--dry-run] [--json]
                                              remove data (whole fact groups) and rebuild the figures; --dry-run says what would go
          data removals [--limit N] [--json]  the audit log of removals: who, when, what
          version                             print the version
          help                                this text

        Settings (environment variable, or the flag shown):""");
    for (Config.Setting s : Config.SETTINGS) {
      System.out.printf("  %-36s %-32s %s%s%n", s.name(), s.flag(), s.help(),
          s.defaultValue() == null ? "" : " (default " + s.defaultValue() + ")");
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
