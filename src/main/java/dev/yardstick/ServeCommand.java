package dev.yardstick;

import dev.yardstick.config.Config;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code serve [--setting=value ...]}: runs the service until the process is stopped. */
@Command(name = "serve",
    description = "Run the service (HTTP UI/API/OTLP, OTLP/gRPC). Each setting is an environment variable, "
        + "or the flag below; a flag wins.")
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** One flag per setting, made from {@link Config#SETTINGS}, so flags and variables cannot drift apart. */
  static void addSettings(CommandSpec serve) {
    for (Config.Setting s : Config.SETTINGS) {
      serve.addOption(OptionSpec.builder(s.flag()).paramLabel("VALUE").type(String.class)
          .description((s.help() + " [" + s.name() + (s.defaultValue() == null ? "" : ", default " + s.defaultValue()) + "]")
              .replace("%", "%%"))
          .build());
    }
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    for (Config.Setting s : Config.SETTINGS) {
      String value = spec.findOption(s.flag()).getValue();
      if (value != null) {
        flags.put(s.name(), value);
      }
    }
    Config config = Cli.config(spec, flags);
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
      LoggerFactory.getLogger(ServeCommand.class).error("start-up failed: {}", e.getMessage(), e);
      return 1;
    }
    stopped.await();
    return 0;
  }
}
