package dev.yardstick.git;

import java.util.regex.Pattern;

/**
 * A path pattern: {@code *} within a path segment, {@code **} across segments, {@code ?} one
 * character; a pattern without a slash matches a file name in any directory, one ending in a slash
 * a directory anywhere in the path (gitignore-like).
 *
 * <p>A pattern without a slash or {@code **} (every default) is matched segment by segment without
 * a regular expression: a leading {@code (?:.*}{@code /)?} backtracks over the whole path for every
 * pattern, and on real paths that made path rules the largest cost of an import.
 */
public final class Glob {
  private final String text;
  private final boolean dir;
  private final String segment;
  private final Pattern regex;

  private Glob(String text, boolean dir, String segment, Pattern regex) {
    this.text = text;
    this.dir = dir;
    this.segment = segment;
    this.regex = regex;
  }

  public static Glob of(String pattern) {
    String t = pattern.trim();
    String p = t;
    boolean dir = p.endsWith("/");
    if (dir) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.contains("/") && !p.contains("**")) {
      return new Glob(t, dir, p, null);
    }
    boolean anywhere = !p.contains("/") || p.startsWith("**/");
    if (p.startsWith("**/")) {
      p = p.substring(3);
    }
    StringBuilder re = new StringBuilder(anywhere ? "(?:.*/)?" : "");
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
        if (i + 1 < p.length() && p.charAt(i + 1) == '/') {
          i++;
          re.append("/?");
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    re.append(dir ? "/.*" : "(?:/.*)?");
    return new Glob(t, dir, null, Pattern.compile(re.toString()));
  }

  public String text() {
    return text;
  }

  /** The name this pattern matches exactly (no wildcard, no slash), or null. */
  String literal() {
    return segment != null && segment.indexOf('*') < 0 && segment.indexOf('?') < 0 ? segment : null;
  }

  /** Whether the pattern names directories only ("vendor/"). */
  boolean directory() {
    return dir;
  }

  public boolean matches(String path) {
    return matches(path, path.split("/"));
  }

  /** @param segments the path split at its slashes (callers testing many patterns split once) */
  boolean matches(String path, String[] segments) {
    if (regex != null) {
      return regex.matcher(path).matches();
    }
    int candidates = dir ? segments.length - 1 : segments.length;
    for (int i = 0; i < candidates; i++) {
      if (wildcard(segment, segments[i])) {
        return true;
      }
    }
    return false;
  }

  /** {@code *} and {@code ?} within one segment: the greedy match with one backtrack point, linear in practice. */
  static boolean wildcard(String p, String s) {
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
        pi++;
        si++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
