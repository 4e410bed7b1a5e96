package dev.yardstick.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Yardstick command ({@code dev.yardstick.Main}) run as a second process on the test classpath, as
 * an operator runs one beside a running server: its own JVM, the settings only from its environment
 * (the test's YARDSTICK_* variables are not passed on), stopped if it outlives the timeout.
 */
public final class CommandProcess {
  /** How a run ended; {@code out} and {@code err} are the whole of standard output and error. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Map<String, String> settings = new LinkedHashMap<>();
  private Duration timeout = Duration.ofMinutes(2);
  private String input = "";

  /** A command working on the embedded database and key file of {@code dataDir}, unless a setting says otherwise. */
  public CommandProcess(Path dataDir) {
    settings.put("YARDSTICK_DATA_DIR", dataDir.toString());
  }

  /** Adds an environment variable (a YARDSTICK_* setting, or one a flag such as --token-env names). */
  public CommandProcess env(String name, String value) {
    settings.put(name, value);
    return this;
  }

  /** What the command reads on standard input (a confirmation, say); nothing by default. */
  public CommandProcess input(String text) {
    this.input = text;
    return this;
  }

  public CommandProcess timeout(Duration d) {
    this.timeout = d;
    return this;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), "dev.yardstick.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("yardstick-command", ".out");
    Path err = Files.createTempFile("yardstick-command", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("YARDSTICK_"));
    pb.environment().putAll(settings);
    Process p = pb.start();
    try (var stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8)); // then the end: a command that asks for more sees it at once
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("`" + String.join(" ", args) + "` ran longer than " + timeout + "\n"
            + new Result(-1, read(out), read(err)));
      }
      return new Result(p.exitValue(), read(out), read(err));
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The test JVM's classpath: target/classes, the test classes and every dependency, whatever the runner. */
  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
