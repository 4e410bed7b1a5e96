package dev.yardstick.git;

/** One file of a commit as `git log --numstat -M` reports it; oldPath is set for a rename. */
public record FileStat(String path, String oldPath, int added, int removed, boolean binary) {

  /** Parses one numstat line ("added\tremoved\tpath", "-\t-\tpath" for binary, renames as "a => b" or "d/{a => b}/f"). */
  static FileStat parse(String line) {
    int t1 = line.indexOf('\t');
    int t2 = line.indexOf('\t', t1 + 1);
    if (t1 < 0 || t2 < 0) {
      return null;
    }
    String a = line.substring(0, t1);
    String r = line.substring(t1 + 1, t2);
    String p = line.substring(t2 + 1);
    boolean binary = a.equals("-");
    String path = p;
    String old = null;
    int arrow = p.indexOf(" => ");
    if (arrow >= 0) {
      int open = p.lastIndexOf('{', arrow);
      int close = p.indexOf('}', arrow);
      if (open >= 0 && close > arrow) {
        String prefix = p.substring(0, open);
        String suffix = p.substring(close + 1);
        old = clean(prefix + p.substring(open + 1, arrow) + suffix);
        path = clean(prefix + p.substring(arrow + 4, close) + suffix);
      } else {
        old = p.substring(0, arrow);
        path = p.substring(arrow + 4);
      }
    }
    return new FileStat(path, old, binary ? 0 : Integer.parseInt(a), binary ? 0 : Integer.parseInt(r), binary);
  }

  // "{ => sub}" forms leave doubled slashes
  private static String clean(String s) {
    return s.replace("//", "/").replaceAll("^/", "");
  }
}
