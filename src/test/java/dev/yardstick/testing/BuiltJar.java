package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The jar `./mvnw verify` packages before the integration tests; missing, the test is skipped, except under CI=true. */
public final class BuiltJar {
  private BuiltJar() {}

  public static Path path() {
    Path jar = Path.of("target/yardstick.jar");
    if (!Files.exists(jar)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("target/yardstick.jar is missing: run the tests with ./mvnw verify, which packages first");
      }
      Assumptions.abort("target/yardstick.jar is missing; ./mvnw verify packages it before the integration tests");
    }
    return jar;
  }
}
