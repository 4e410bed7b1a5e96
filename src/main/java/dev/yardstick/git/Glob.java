package dev.yardstick.git;

import java.util.regex.Pattern;

/**
 * A path pattern: {@code *} within a path segment, {@code **} across segments, {@code ?} one
 * character; a pattern without a slash matches a file name in any directory, one ending in a slash
 * a directory anywhere in the path (gitignore-like).
 */
public record Glob(String text, Pattern regex) {

  public static Glob of(String pattern) {
    String p = pattern.trim();
    StringBuilder re = new StringBuilder();
    boolean dir = p.endsWith("/");
    if (dir) {
      p = p.substring(0, p.length() - 1);
    }
    boolean anywhere = !p.contains("/") || p.startsWith("**/");
    if (p.startsWith("**/")) {
      p = p.substring(3);
    }
    re.append(anywhere ? "(?:.*/)?" : "");
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
    return new Glob(pattern.trim(), Pattern.compile(re.toString()));
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }
}
