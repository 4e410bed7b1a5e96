package dev.yardstick.git;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass of {@code git log -p -U0 -M --no-merges}: each commit's file diffs, oldest
 * first, handed on one commit at a time.
 */
final class PatchReader {
  private static final String RS = "\u001e";

  /** Receives one commit's diffs. */
  interface Sink {
    void commit(String sha, OffsetDateTime committed, List<FileDiff> files);
  }

  private PatchReader() {}

  static void read(GitCli git, String range, Sink sink) {
    State s = new State(sink);
    git.stream(List.of("-c", "core.quotePath=false", "log", "--reverse", "--topo-order", "--no-merges", "-p", "-U0", "-M",
        "--no-color", "--no-ext-diff", "--no-textconv", "--format=" + RS + "%H %cI", range, "--"), s::line);
    s.flush();
  }

  private static final class State {
    private final Sink sink;
    private String sha;
    private OffsetDateTime committed;
    private final List<FileDiff> files = new ArrayList<>();
    private FileDiff file;
    private FileDiff.Hunk hunk;

    State(Sink sink) {
      this.sink = sink;
    }

    void line(String line) {
      if (line.startsWith(RS)) {
        flush();
        int space = line.indexOf(' ');
        sha = line.substring(1, space);
        committed = OffsetDateTime.parse(line.substring(space + 1));
      } else if (line.startsWith("diff --git ")) {
        file = new FileDiff();
        files.add(file);
        hunk = null;
        String[] paths = gitPaths(line.substring(11));
        file.oldPath = paths[0];
        file.newPath = paths[1];
      } else if (file == null) {
        return;
      } else if (hunk != null && line.startsWith("-")) {
        hunk.removed.add(line.substring(1));
      } else if (hunk != null && line.startsWith("+")) {
        hunk.added.add(line.substring(1));
      } else if (line.startsWith("@@ ")) {
        hunk = FileDiff.Hunk.parse(line);
        file.hunks.add(hunk);
      } else if (line.startsWith("--- ")) {
        file.oldPath = side(line.substring(4), "a/");
      } else if (line.startsWith("+++ ")) {
        file.newPath = side(line.substring(4), "b/");
      } else if (line.startsWith("rename from ")) {
        file.oldPath = line.substring(12);
      } else if (line.startsWith("rename to ")) {
        file.newPath = line.substring(10);
      } else if (line.startsWith("new file mode")) {
        file.oldPath = null;
      } else if (line.startsWith("deleted file mode")) {
        file.newPath = null;
      } else if (line.startsWith("Binary files ")) {
        file.binary = true;
      }
    }

    void flush() {
      if (sha != null) {
        sink.commit(sha, committed, List.copyOf(files));
      }
      sha = null;
      files.clear();
      file = null;
      hunk = null;
    }
  }

  /** "a/x b/y" (unquoted; a rename or a path with " b/" in it is corrected by the later header lines). */
  private static String[] gitPaths(String s) {
    String t = unquote(s);
    int mid = t.indexOf(" b/");
    if (t.startsWith("a/") && mid > 0) {
      return new String[] {t.substring(2, mid), t.substring(mid + 3)};
    }
    return new String[] {t, t};
  }

  private static String side(String s, String prefix) {
    String t = unquote(s.strip());
    if (t.equals("/dev/null")) {
      return null;
    }
    return t.startsWith(prefix) ? t.substring(prefix.length()) : t;
  }

  private static String unquote(String s) {
    return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : s;
  }
}
