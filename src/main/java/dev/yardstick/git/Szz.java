package dev.yardstick.git;

import java.util.regex.Pattern;

/** Pure: which removed lines of a fix count as changed code, for blaming the commits that wrote them. */
final class Szz {
  private static final Pattern COMMENT = Pattern.compile("^\\s*(//|#|/\\*|\\*|\\*/|--|<!--|;|%|\"\"\"|''').*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Szz() {}

  /** False for a blank or comment-only line, or one the hunk adds back differing only in whitespace. */
  static boolean meaningful(FileDiff.Hunk h, int removedIndex) {
    if (removedIndex >= h.removed.size()) {
      return true; // the text was not seen (should not happen): count it
    }
    String line = h.removed.get(removedIndex);
    if (line.isBlank() || COMMENT.matcher(line).matches()) {
      return false;
    }
    String squeezed = SPACE.matcher(line).replaceAll("");
    for (String added : h.added) {
      if (SPACE.matcher(added).replaceAll("").equals(squeezed)) {
        return false;
      }
    }
    return true;
  }
}
