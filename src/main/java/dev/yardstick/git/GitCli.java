package dev.yardstick.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the git command line in one repository, streaming its output line by line so that a long
 * history never sits in memory. Secrets passed through {@code env} never appear in messages.
 */
public final class GitCli {
  /** Receives each line of git's output. */
  public interface LineSink {
    void line(String line) throws Exception;
  }

  private final Path dir;
  private final List<String> config;

  public GitCli(Path dir) {
    this(dir, List.of());
  }

  /** @param config {@code key=value} git settings for every command (an http.extraHeader with a token, say) */
  public GitCli(Path dir, List<String> config) {
    this.dir = dir;
    this.config = List.copyOf(config);
  }

  public Path dir() {
    return dir;
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
    } catch (GitException e) {
      return false;
    }
  }

  public void stream(List<String> args, LineSink sink) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // settings travel in the environment, not the command line, where any local user could read a token
    pb.environment().put("GIT_CONFIG_COUNT", Integer.toString(config.size()));
    for (int i = 0; i < config.size(); i++) {
      String c = config.get(i);
      pb.environment().put("GIT_CONFIG_KEY_" + i, c.substring(0, c.indexOf('=')));
      pb.environment().put("GIT_CONFIG_VALUE_" + i, c.substring(c.indexOf('=') + 1));
    }
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    pb.environment().put("GIT_PAGER", "cat");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitException("git is not installed or not runnable: " + e.getMessage());
    }
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> firstLines(p.getErrorStream()));
    Exception failure = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        sink.line(line);
      }
    } catch (Exception e) {
      failure = e;
      p.destroy();
    }
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted: git " + args.getFirst());
    }
    if (failure != null) {
      throw failure instanceof RuntimeException r ? r : new GitException("reading git " + args.getFirst() + ": " + failure);
    }
    if (code != 0) {
      throw new GitException("git " + args.getFirst() + " failed (exit " + code + "): " + err.join());
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
