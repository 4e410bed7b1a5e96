package dev.yardstick.repos;

import dev.yardstick.git.GitCli;
import dev.yardstick.git.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a repository's history is read: a local path in place (read-only), or a mirror clone of a
 * URL in the data directory, fetched before each import. A token goes in an HTTP header through
 * git's environment, never into the URL, the command line or a log. What git says about a remote
 * goes to the log only: to the user it could describe the server's network.
 */
final class GitSource {
  private static final Logger log = LoggerFactory.getLogger(GitSource.class);

  private GitSource() {}

  /** Checks the source against today's rules, clones or fetches as needed; returns the git directory to read. */
  static GitCli prepare(String url, String path, String token, Path mirror, RepositorySources sources, GitCli.Limits limits) {
    if (path != null) {
      return new GitCli(sources.checkPath(path), List.of(), limits);
    }
    sources.checkUrl(url, token != null);
    List<String> config = token == null ? List.of() : List.of("http.extraHeader=Authorization: Basic "
        + Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8)));
    GitCli git = new GitCli(mirror, config, new GitCli.Limits(limits.timeout(), limits.stopped(), sources.protocols()));
    try {
      if (!Files.exists(mirror.resolve("HEAD"))) {
        cloneInto(git, url, mirror);
      } else {
        git.output("fetch", "--prune", "--quiet", "origin");
      }
    } catch (GitException.TimedOut e) {
      throw new GitException("fetching " + url + " did not finish within " + e.limit().toSeconds()
          + " s and was stopped (YARDSTICK_GIT_TIMEOUT_SECONDS); the next follow tries again");
    } catch (GitException.Stopped e) {
      throw e;
    } catch (GitException e) {
      log.warn("fetching {} failed: {}", url, e.getMessage());
      throw new GitException("could not fetch " + url + ": the address did not answer as a git repository, or refused the"
          + " request or the token (git's message is in the server log)");
    }
    return git;
  }

  // into a directory of its own, renamed when complete: a clone stopped half-way leaves nothing that looks cloned
  private static void cloneInto(GitCli git, String url, Path mirror) {
    Path partial = mirror.resolveSibling(mirror.getFileName() + ".partial");
    try {
      Files.createDirectories(mirror.getParent());
      RepositoryService.deleteTree(partial);
      git.in(mirror.getParent()).output("clone", "--mirror", "--quiet", "--", url, partial.toString());
      Files.move(partial, mirror, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new GitException("cannot write the mirror in " + mirror.getParent() + ": " + e.getMessage());
    } finally {
      RepositoryService.deleteTree(partial);
    }
  }

  /** The configured branch, or the repository's default (its HEAD). */
  static String branch(GitCli git, String configured) {
    if (configured != null && !configured.isBlank()) {
      RepositorySources.checkBranch(configured);
      return configured;
    }
    try {
      return git.output("symbolic-ref", "--short", "HEAD");
    } catch (GitException.TimedOut | GitException.Stopped e) {
      throw e;
    } catch (GitException e) {
      throw new GitException("HEAD is not on a branch; set the repository's branch");
    }
  }

  static String tip(GitCli git, String branch) {
    try {
      return git.output("rev-parse", "--verify", "--quiet", "--end-of-options", branch + "^{commit}");
    } catch (GitException.TimedOut | GitException.Stopped e) {
      throw e;
    } catch (GitException e) {
      throw new GitException("no branch " + branch + " in the repository");
    }
  }
}
