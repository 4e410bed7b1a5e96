package dev.yardstick.repos;

import dev.yardstick.git.GitCli;
import dev.yardstick.git.GitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Where a repository's history is read: a local path in place (read-only), or a mirror clone of a
 * URL in the data directory, fetched before each import. A token goes in an HTTP header through
 * git's environment, never into the URL, the command line or a log.
 */
final class GitSource {
  private GitSource() {}

  /** Clones or fetches as needed; returns the git directory to read. */
  static GitCli prepare(String url, String path, String token, Path mirror) {
    if (path != null) {
      GitCli git = new GitCli(Path.of(path));
      if (!git.succeeds("rev-parse", "--git-dir")) {
        throw new GitException("not a git repository: " + path);
      }
      return git;
    }
    List<String> config = token == null ? List.of() : List.of("http.extraHeader=Authorization: Basic "
        + Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8)));
    if (!Files.exists(mirror.resolve("HEAD"))) {
      try {
        Files.createDirectories(mirror.getParent());
      } catch (java.io.IOException e) {
        throw new GitException("cannot create " + mirror.getParent() + ": " + e.getMessage());
      }
      new GitCli(mirror.getParent(), config).output("clone", "--mirror", "--quiet", url, mirror.toString());
    } else {
      new GitCli(mirror, config).output("fetch", "--prune", "--quiet", "origin");
    }
    return new GitCli(mirror, config);
  }

  /** The configured branch, or the repository's default (its HEAD). */
  static String branch(GitCli git, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    try {
      return git.output("symbolic-ref", "--short", "HEAD");
    } catch (GitException e) {
      throw new GitException("HEAD is not on a branch; set the repository's branch");
    }
  }

  static String tip(GitCli git, String branch) {
    try {
      return git.output("rev-parse", "--verify", "--quiet", branch + "^{commit}");
    } catch (GitException e) {
      throw new GitException("no branch " + branch + " in the repository");
    }
  }
}
