package dev.yardstick.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email normalization shared by ingest and identity resolution. */
public final class Emails {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  // GitHub's noreply forms: 12345+login@users.noreply.github.com and login@users.noreply.github.com
  private static final Pattern GITHUB_NOREPLY = Pattern.compile("^(?:\\d+\\+)?([^@]+)@users\\.noreply\\.github\\.com$");

  private Emails() {}

  public static boolean looksLikeEmail(String s) {
    return s != null && EMAIL.matcher(s.trim()).matches();
  }

  /** Lower case and trimmed; null for null or blank. */
  public static String normalize(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** As {@link #normalize}, and GitHub's two noreply forms of one account become one. */
  public static String normalizeGit(String s) {
    String n = normalize(s);
    if (n == null) {
      return null;
    }
    if (!n.endsWith("@users.noreply.github.com")) {
      return n; // most addresses: no regular expression per commit
    }
    Matcher m = GITHUB_NOREPLY.matcher(n);
    return m.matches() ? m.group(1) + "@users.noreply.github.com" : n;
  }
}
