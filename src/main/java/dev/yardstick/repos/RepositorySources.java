package dev.yardstick.repos;

import dev.yardstick.git.GitCli;
import dev.yardstick.git.GitException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where repositories may come from: https clone URLs (plain http only when the operator allows it,
 * and never with a token), and local repositories only inside the configured roots, judged after
 * symlinks and "..". Everything is checked before git runs or anything is contacted, so a refusal
 * tells nothing about the network or the file system; it is checked again at each import.
 */
public final class RepositorySources {
  private static final String HTTPS = "\"url\" must be an https:// clone URL";

  private final boolean allowHttp;
  private final List<Path> roots;
  private final GitCli.Limits limits;

  /** @param roots real paths of the directories local repositories may be read from; empty = none */
  public RepositorySources(boolean allowHttp, List<Path> roots, GitCli.Limits limits) {
    this.allowHttp = allowHttp;
    this.roots = List.copyOf(roots);
    this.limits = limits;
  }

  /** The transports git may use: https, and http when allowed. */
  List<String> protocols() {
    return allowHttp ? List.of("https", "http") : List.of("https");
  }

  /** True for what a form field holds when it means a URL (scheme, scp-like host:path, ext::) rather than a path. */
  public static boolean looksLikeUrl(String source) {
    return source.contains("://") || (!source.startsWith("/") && source.indexOf(':') > 0
        && (source.indexOf('/') < 0 || source.indexOf(':') < source.indexOf('/')));
  }

  /** Throws IllegalArgumentException saying what is wrong with a clone URL. */
  void checkUrl(String url, boolean withToken) {
    if (url.startsWith("http://")) {
      if (!allowHttp) {
        throw new IllegalArgumentException(HTTPS + " (plain http:// is turned off: YARDSTICK_GIT_ALLOW_HTTP)");
      }
      if (withToken) {
        throw new IllegalArgumentException("a token is sent only over https://: give an https:// URL");
      }
    } else if (!url.startsWith("https://")) {
      throw new IllegalArgumentException(HTTPS);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("\"url\" is not a valid https:// clone URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("\"url\" is not a valid https:// clone URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("\"url\" must not carry a user name or password: give the token in \"token\"");
    }
  }

  /**
   * The real directory of a local repository inside the roots; throws IllegalArgumentException. A path
   * outside the roots gets the same answer whether or not it exists.
   */
  Path checkPath(String path) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("\"path\" cannot be used: this server reads no local repositories"
          + " (YARDSTICK_REPOSITORY_ROOTS is not set); give an https:// clone URL");
    }
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("\"path\" is not a valid path");
    }
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("\"path\" must be an absolute path");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw inside(p.normalize()) ? notARepository(path) : outside();
    }
    if (!inside(real)) {
      throw outside();
    }
    String gitDir;
    try {
      gitDir = new GitCli(real, List.of(), limits).output("rev-parse", "--absolute-git-dir");
    } catch (GitException.Stopped e) {
      throw e;
    } catch (GitException e) {
      throw notARepository(path);
    }
    try {
      if (!inside(Path.of(gitDir).toRealPath())) {
        throw notARepository(path); // git found a repository above the root
      }
    } catch (IOException e) {
      throw notARepository(path);
    }
    return real;
  }

  /** Throws IllegalArgumentException for a branch name git could take for an option or a revision expression. */
  static void checkBranch(String branch) {
    if (branch == null) {
      return;
    }
    if (branch.isBlank() || branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".")
        || branch.endsWith(".lock") || branch.contains("..") || branch.contains("@{") || branch.contains("//")
        || branch.chars().anyMatch(c -> c < 0x21 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("\"branch\" is not a valid branch name");
    }
  }

  private boolean inside(Path p) {
    return roots.stream().anyMatch(p::startsWith);
  }

  private IllegalArgumentException outside() {
    return new IllegalArgumentException("\"path\" must be a git repository inside "
        + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + " (YARDSTICK_REPOSITORY_ROOTS)");
  }

  private static IllegalArgumentException notARepository(String path) {
    return new IllegalArgumentException("\"path\" is not a git repository this server can read: " + path);
  }
}
