package dev.yardstick;

import ch.qos.logback.classic.Level;
import dev.yardstick.config.Config;
import dev.yardstick.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line (picocli): one subcommand per job, {@code --help} on each, usage errors naming
 * the bad option or argument with exit code 2. Settings stay environment variables; only {@code serve}
 * also takes them as flags. A new command is one more class in {@link Root}'s list.
 */
public final class Cli {
  private Cli() {}

  /** What a run reads and writes: the environment its settings come from, and the two output streams. */
  public record Io(Map<String, String> env, PrintStream out, PrintStream err) {}

  /** Runs one command line to its end and gives its exit code (0 done, 1 failed, 2 usage or setting). */
  public static int run(Io io, String... args) {
    return commandLine(io).execute(args);
  }

  static CommandLine commandLine(Io io) {
    CommandLine cl = new CommandLine(new Root(io));
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine line = e.getCommandLine();
      line.getErr().println(e.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr())) {
        line.usage(line.getErr());
      }
      line.getErr().println("See '" + line.getCommandSpec().qualifiedName(" ") + " --help'.");
      return line.getCommandSpec().exitCodeOnInvalidInput();
    });
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof ConfigException c) {
        line.getErr().println("yardstick: invalid setting " + c.getMessage());
        return 2;
      }
      if (e instanceof java.nio.file.NoSuchFileException f) {
        line.getErr().println("yardstick: no such file: " + f.getFile());
        return 1;
      }
      if (e instanceof IllegalArgumentException) { // a refusal with a message for the operator, not a bug
        line.getErr().println("yardstick: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    ServeCommand.addSettings(cl.getSubcommands().get("serve").getCommandSpec());
    List<String> sections = new ArrayList<>(cl.getHelpSectionKeys());
    sections.add("settings"); // its own section: picocli would wrap the table's long lines at 80 columns
    cl.getHelpSectionMap().put("settings", help -> settingsTable());
    cl.setHelpSectionKeys(sections);
    return cl;
  }

  /** The settings from the environment overlaid with {@code flags} (variable → value); logging follows them. */
  static Config config(CommandSpec spec, Map<String, String> flags) {
    Config config = Config.load(((Root) spec.root().userObject()).io.env(), flags);
    var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(config.logLevel(), Level.INFO));
    return config;
  }

  static Config config(CommandSpec spec) {
    return config(spec, Map.of());
  }

  static Io io(CommandSpec spec) {
    return ((Root) spec.root().userObject()).io;
  }

  @Command(name = "yardstick", mixinStandardHelpOptions = true, versionProvider = Root.Version.class,
      description = "Measures how AI coding assistants are used and what comes of it.",
      synopsisSubcommandLabel = "COMMAND",
      scope = CommandLine.ScopeType.INHERIT, // every command has --help (and --version)
      subcommands = {ServeCommand.class, DevelopersCommand.class, AnthropicCommand.class, RepositoryCommand.class,
          DataCommand.class, DemoCommand.class, Root.VersionCommand.class, CommandLine.HelpCommand.class})
  static final class Root implements Callable<Integer> {
    final Io io;
    @CommandLine.Spec
    CommandSpec spec;

    Root(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      spec.commandLine().usage(io.out(), Help.Ansi.OFF);
      return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
      @Override
      public String[] getVersion() {
        return new String[] {"yardstick " + Main.version()};
      }
    }

    @Command(name = "version", description = "Print the version.")
    static final class VersionCommand implements Callable<Integer> {
      @CommandLine.Spec
      CommandSpec spec;

      @Override
      public Integer call() {
        io(spec).out().println("yardstick " + Main.version());
        return 0;
      }
    }
  }

  /** The settings table printed under the root's usage, as `help` always has. */
  static String settingsTable() {
    StringBuilder sb = new StringBuilder("%nSettings (environment variable, or the flag of `serve`):%n".formatted());
    for (Config.Setting s : Config.SETTINGS) {
      sb.append(String.format("  %-36s %-32s %s%s%n", s.name(), s.flag(), s.help(),
          s.defaultValue() == null ? "" : " (default " + s.defaultValue() + ")"));
    }
    return sb.toString();
  }
}
