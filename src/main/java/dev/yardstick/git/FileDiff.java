package dev.yardstick.git;

import java.util.ArrayList;
import java.util.List;

/**
 * One file of a commit's zero-context patch: where it was and is (null for created or deleted),
 * whether it is binary, and its hunks with the text of their lines (held only while the commit is
 * analysed, never stored).
 */
final class FileDiff {
  String oldPath;
  String newPath;
  boolean binary;
  final List<Hunk> hunks = new ArrayList<>();

  /** "@@ -oldStart,oldCount +newStart,newCount @@" and its removed and added lines. */
  static final class Hunk {
    final int oldStart;
    final int oldCount;
    final int newStart;
    final int newCount;
    final List<String> removed = new ArrayList<>();
    final List<String> added = new ArrayList<>();

    Hunk(int oldStart, int oldCount, int newStart, int newCount) {
      this.oldStart = oldStart;
      this.oldCount = oldCount;
      this.newStart = newStart;
      this.newCount = newCount;
    }

    /** Parses a hunk header; counts default to 1 when git leaves them out. */
    static Hunk parse(String header) {
      int minus = header.indexOf('-');
      int plus = header.indexOf('+', minus);
      int end = header.indexOf(' ', plus);
      int[] o = range(header.substring(minus + 1, header.indexOf(' ', minus)));
      int[] n = range(header.substring(plus + 1, end < 0 ? header.length() : end));
      return new Hunk(o[0], o[1], n[0], n[1]);
    }

    private static int[] range(String s) {
      int comma = s.indexOf(',');
      return comma < 0 ? new int[] {Integer.parseInt(s), 1}
          : new int[] {Integer.parseInt(s.substring(0, comma)), Integer.parseInt(s.substring(comma + 1))};
    }
  }

  String path() {
    return newPath != null ? newPath : oldPath;
  }
}
