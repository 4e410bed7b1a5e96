package dev.yardstick.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a commit a revert or a fix. Reverts: git's own "This reverts commit <sha>" line, or a
 * subject starting {@code Revert "}. Fixes: a conventional {@code fix:} / {@code fix(scope):} /
 * {@code fix!:} subject, or a subject matching one of the fix patterns (regular expressions,
 * case-insensitive; defaults below, replaceable per repository).
 */
public final class DefectRules {
  public static final List<String> DEFAULT_FIX_PATTERNS = List.of(
      "\\bfix(e[sd])?\\b", "\\bbug ?fix", "\\bhotfix\\b", "\\bfixing\\b");
  private static final Pattern REVERTS = Pattern.compile("(?i)this reverts commit ([0-9a-f]{7,64})");
  private static final Pattern REVERT_SUBJECT = Pattern.compile("(?i)^revert \".*");
  private static final Pattern CONVENTIONAL_FIX = Pattern.compile("(?i)^(fix|hotfix|bugfix)(\\([^)]*\\))?!?:.*");

  private final List<Pattern> fixes;

  public DefectRules(List<String> fixPatterns) {
    this.fixes = fixPatterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
  }

  public static DefectRules defaults() {
    return new DefectRules(DEFAULT_FIX_PATTERNS);
  }

  static String subject(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  public boolean revert(String message) {
    return revert(message, revertedShas(message));
  }

  /** As {@link #revert(String)}, given the shas the message names (read once per commit on import). */
  boolean revert(String message, List<String> named) {
    return !named.isEmpty() || REVERT_SUBJECT.matcher(subject(message)).matches();
  }

  /** The shas (full or abbreviated) a revert names. */
  public List<String> revertedShas(String message) {
    List<String> out = new ArrayList<>();
    Matcher m = REVERTS.matcher(message);
    while (m.find()) {
      out.add(m.group(1).toLowerCase());
    }
    return out;
  }

  /** A revert is not a fix: it points at the commit it undoes by itself. */
  public boolean fix(String message) {
    return !revert(message) && fixSubject(message);
  }

  /** Whether the subject reads as a fix, revert or not. */
  boolean fixSubject(String message) {
    String subject = subject(message);
    if (CONVENTIONAL_FIX.matcher(subject).matches()) {
      return true;
    }
    for (Pattern p : fixes) {
      if (p.matcher(subject).find()) {
        return true;
      }
    }
    return false;
  }
}
