package dev.yardstick.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Runs the git command line in one repository, streaming its output line by line so that a long
 * history never sits in memory. Secrets passed through {@code env} never appear in messages. Every
 * command has a time limit and can be stopped; stopping it ends every process it started.
 */
public final class GitCli {
  /** Receives each line of git's output. */
  public interface LineSink {
    void line(String line) throws Exception;
  }

  /**
   * What git may do: how long a command may take (clone and fetch in all; any other command
   * without output), when to stop it, and the only transports it may use for remotes.
   */
  public record Limits(Duration timeout, BooleanSupplier stopped, List<String> protocols) {
    public static final Limits DEFAULT = new Limits(Duration.ofMinutes(10), () -> false, List.of("https"));

    public Limits {
      protocols = List.copyOf(protocols);
    }
  }

  // commands that talk to a remote: their whole run is limited, since they print nothing while they wait
  private static final Set<String> NETWORK = Set.of("clone", "fetch", "ls-remote");
  private static final long LOW_SPEED_BYTES = 1000;

  private final Path dir;
  private final List<String> config;
  private final Limits limits;

  public GitCli(Path dir) {
    this(dir, List.of());
  }

  /** @param config {@code key=value} git settings for every command (an http.extraHeader with a token, say) */
  public GitCli(Path dir, List<String> config) {
    this(dir, config, Limits.DEFAULT);
  }

  public GitCli(Path dir, List<String> config, Limits limits) {
    this.dir = dir;
    this.config = List.copyOf(config);
    this.limits = limits;
  }

  public Path dir() {
    return dir;
  }

  /** The same settings and limits in another directory. */
  public GitCli in(Path other) {
    return new GitCli(other, config, limits);
  }

  /** The whole output, for commands whose output is small. */
  public String output(String... args) {
    StringBuilder sb = new StringBuilder();
    stream(List.of(args), line -> sb.append(line).append('\n'));
    return sb.toString().strip();
  }

  /** True when git exits 0 (for yes/no questions such as merge-base --is-ancestor). */
  public boolean succeeds(String... args) {
    try {
      stream(List.of(args), line -> { });
      return true;
    } catch (GitException.TimedOut | GitException.Stopped e) {
      throw e; // not an answer
    } catch (GitException e) {
      return false;
    }
  }

  public void stream(List<String> args, LineSink sink) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    environment(pb.environment());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException("git is not installed or not runnable: " + e.getMessage());
    }
    GitWatch watch = new GitWatch(p, limits, Thread.currentThread(), NETWORK.contains(args.getFirst()));
    CompletableFuture<String> err = new CompletableFuture<>();
    // a thread of its own: a shared pool's threads could all be waiting on stuck commands
    Thread.ofVirtual().name("git-stderr").start(() -> err.complete(firstLines(p.getErrorStream())));
    Exception failure = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        watch.callerBusy(true);
        sink.line(line);
        watch.callerBusy(false);
      }
    } catch (Exception e) {
      failure = e;
      GitWatch.killTree(p);
    }
    int code = waitFor(p, watch, args.getFirst());
    watch.done();
    if (watch.reason() == GitWatch.Reason.TIMED_OUT) {
      throw new GitException.TimedOut("git " + args.getFirst() + (NETWORK.contains(args.getFirst()) ? " did not finish within "
          : " gave no output for ") + watch.limit().toSeconds() + " s and was stopped", watch.limit());
    }
    if (watch.reason() == GitWatch.Reason.STOPPED) {
      throw new GitException.Stopped("git " + args.getFirst() + " was stopped");
    }
    if (failure != null) {
      throw failure instanceof RuntimeException r ? r : new GitException("reading git " + args.getFirst() + ": " + failure);
    }
    if (code != 0) {
      throw new GitException("git " + args.getFirst() + " failed (exit " + code + "): " + err.join());
    }
  }

  private void environment(Map<String, String> env) {
    // settings travel in the environment, not the command line, where any local user could read a token
    List<String> all = new ArrayList<>(config);
    all.add("http.lowSpeedLimit=" + LOW_SPEED_BYTES);
    all.add("http.lowSpeedTime=" + Math.min(60, Math.max(1, limits.timeout().toSeconds())));
    all.add("credential.helper="); // never the server account's stored credentials for a URL an admin typed
    env.put("GIT_CONFIG_COUNT", Integer.toString(all.size()));
    for (int i = 0; i < all.size(); i++) {
      String c = all.get(i);
      env.put("GIT_CONFIG_KEY_" + i, c.substring(0, c.indexOf('=')));
      env.put("GIT_CONFIG_VALUE_" + i, c.substring(c.indexOf('=') + 1));
    }
    env.put("GIT_ALLOW_PROTOCOL", String.join(":", limits.protocols()));
    env.put("LC_ALL", "C");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_ASKPASS", "");
    env.put("GIT_PAGER", "cat");
  }

  private static int waitFor(Process p, GitWatch watch, String command) {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      watch.stop(GitWatch.Reason.STOPPED);
      watch.done();
      Thread.currentThread().interrupt();
      throw new GitException.Stopped("interrupted: git " + command);
    }
  }

  private static String firstLines(InputStream in) {
    try {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return all.length() > 500 ? all.substring(0, 500) + "..." : all;
    } catch (IOException e) {
      return "";
    }
  }
}
