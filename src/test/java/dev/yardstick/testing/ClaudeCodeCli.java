package dev.yardstick.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Claude Code CLI from the shared test kit (../shared/testkit/claude-code), installed once into
 * target/claude-code-cli with npm ci, and the kit's fake Anthropic API (run by path, not copied).
 */
public final class ClaudeCodeCli {
  public static final Path INSTALL = Path.of("target", "claude-code-cli").toAbsolutePath();
  private final Path kit;
  private final Path claude;

  private ClaudeCodeCli(Path kit, Path claude) {
    this.kit = kit;
    this.claude = claude;
  }

  /** Installs (unless already installed) and returns the CLI; skips the test without node, npm or python3, fails under CI. */
  public static synchronized ClaudeCodeCli install() throws Exception {
    for (String tool : List.of("node", "npm", "python3", "git")) {
      if (which(tool) == null) {
        missing(tool + " is not on PATH");
      }
    }
    Path kit = kit();
    if (kit == null) {
      missing("the test kit shared/testkit/claude-code is not beside this checkout or above it (or set YARDSTICK_TEST_CLAUDE_KIT)");
    }
    Path claude = INSTALL.resolve("node_modules/.bin/claude");
    if (!works(claude)) {
      Files.createDirectories(INSTALL);
      Files.copy(kit.resolve("package.json"), INSTALL.resolve("package.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(kit.resolve("package-lock.json"), INSTALL.resolve("package-lock.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      run(INSTALL, 300, "npm", "ci", "--no-audit", "--no-fund");
      if (!works(claude)) { // the postinstall that links the native binary may not have run (npm's allowScripts)
        run(INSTALL.resolve("node_modules/@anthropic-ai/claude-code"), 120, "node", "install.cjs");
      }
      if (!works(claude)) {
        claude = INSTALL.resolve("node_modules/@anthropic-ai/claude-code-linux-x64/claude");
      }
      if (!works(claude)) {
        fail("Claude Code CLI installed into " + INSTALL + " but `claude --version` fails");
      }
    }
    return new ClaudeCodeCli(kit, claude);
  }

  public Path claude() {
    return claude;
  }

  public Path fakeAnthropic() {
    return kit.resolve("fake_anthropic.py");
  }

  /** PATH for the CLI's environment: node's directory and the system's (git, sh). */
  public static String path() {
    Path node = which("node");
    return (node == null ? "" : node.getParent() + ":") + "/usr/local/bin:/usr/bin:/bin";
  }

  private static void missing(String what) {
    if ("true".equals(System.getenv("CI"))) {
      fail(what + ": the real Claude Code CLI test cannot run (CI=true, nothing may skip)");
    }
    Assumptions.abort(what + ": skipping the real Claude Code CLI test");
  }

  /** YARDSTICK_TEST_CLAUDE_KIT, else shared/testkit/claude-code beside this checkout or above it. */
  private static Path kit() {
    String given = System.getenv("YARDSTICK_TEST_CLAUDE_KIT");
    if (given != null && !given.isBlank()) {
      Path k = Path.of(given);
      return Files.isRegularFile(k.resolve("fake_anthropic.py")) ? k : null;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path k = dir.resolve("shared/testkit/claude-code");
      if (Files.isRegularFile(k.resolve("fake_anthropic.py"))) {
        return k;
      }
    }
    return null;
  }

  private static boolean works(Path claude) throws Exception {
    if (!Files.isExecutable(claude)) {
      return false;
    }
    Process p = new ProcessBuilder(claude.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("Claude Code");
  }

  private static Path which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Runs a command with exactly {@code env} (nothing inherited, as `env -i`); fails with its output on a non-zero exit. */
  public static String run(Path dir, Map<String, String> env, int seconds, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    if (env != null) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    Path log = Files.createTempFile("claude-code-cli", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " took over " + seconds + " s:\n" + Files.readString(log));
    }
    String out = Files.readString(log);
    Files.delete(log);
    if (p.exitValue() != 0) {
      fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  private static void run(Path dir, int seconds, String... command) throws Exception {
    run(dir, null, seconds, List.of(command));
  }

  /** A process started in the background (the fake API); stopped by {@link Background#close}. */
  public record Background(Process process) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Starts the fake Anthropic API making the CLI write and edit a file in {@code workdir}; answers its URL. */
  public Background fake(Path workdir, Path scratch, String[] url) throws Exception {
    Path portFile = scratch.resolve("fake-port.txt");
    List<String> cmd = new ArrayList<>(List.of("python3", fakeAnthropic().toString(), "--log", scratch.resolve("fake.jsonl").toString(),
        "--port-file", portFile.toString(), "--workdir", workdir.toString(), "--script", "minimal"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(scratch.resolve("fake.out").toFile()).start();
    Background b = new Background(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        b.close();
        fail("the fake Anthropic API did not start: " + Files.readString(scratch.resolve("fake.out")));
      }
      Thread.sleep(50);
    }
    url[0] = "http://127.0.0.1:" + Files.readString(portFile).trim();
    return b;
  }

  /** The environment the kit's README gives, and nothing else: no telemetry variable. */
  public static Map<String, String> environment(Path home, String fakeUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("PATH", path());
    env.put("TERM", "xterm-256color");
    env.put("ANTHROPIC_BASE_URL", fakeUrl);
    env.put("ANTHROPIC_API_KEY", "sk-ant-test-dummy");
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    return env;
  }

}
