package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaged command line run as a second process, as an operator runs it beside a server: its
 * settings only from the environment given (none inherited), its output and exit code as they are.
 */
public final class CommandLine {
  private static final Path JAR = Path.of("target/yardstick.jar");

  private CommandLine() {}

  /** What a command printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(Map<String, String> settings, String... args) throws Exception {
    if (!Files.exists(JAR)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("target/yardstick.jar is missing: run the tests with ./mvnw verify, which packages first");
      }
      Assumptions.abort("target/yardstick.jar is missing; ./mvnw verify packages it before the integration tests");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("yardstick-cli", ".out");
    Path err = Files.createTempFile("yardstick-cli", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("YARDSTICK_"));
    pb.environment().putAll(settings);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("the command " + String.join(" ", args) + " did not end within 120 s: "
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    try {
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
