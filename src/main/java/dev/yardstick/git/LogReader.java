package dev.yardstick.git;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streaming pass of {@code git log --numstat -M}: every commit of a revision range with its
 * metadata, message and per-file line counts, oldest first, handed on one at a time.
 */
public final class LogReader {
  private static final String RS = "\u001e";
  private static final String US = "\u001f";
  private static final String FORMAT = "--format=" + RS + "%H" + US + "%P" + US + "%an" + US + "%ae" + US + "%aI" + US
      + "%cn" + US + "%ce" + US + "%cI" + US + "%B" + US;

  private LogReader() {}

  /** @param range a revision or range ("main", "abc..main"); commits arrive oldest first */
  public static void read(GitCli git, String range, Consumer<RawCommit> sink) {
    Parser parser = new Parser(sink);
    git.stream(List.of("log", "--reverse", "--topo-order", "--numstat", "-M", "--no-color", FORMAT, range, "--"), parser::line);
    parser.flush();
  }

  /** Line-by-line state: a header (which may span lines, for the message) and then numstat lines. */
  static final class Parser {
    private final Consumer<RawCommit> sink;
    private final StringBuilder header = new StringBuilder();
    private boolean inHeader;
    private int separators;
    private String[] fields;
    private final List<FileStat> files = new ArrayList<>();

    Parser(Consumer<RawCommit> sink) {
      this.sink = sink;
    }

    void line(String line) {
      if (line.startsWith(RS)) {
        flush();
        header.setLength(0);
        header.append(line, 1, line.length());
        separators = count(line);
        inHeader = true;
      } else if (inHeader) {
        header.append('\n').append(line);
        separators += count(line);
      } else if (!line.isEmpty() && fields != null) {
        FileStat f = FileStat.parse(line);
        if (f != null) {
          files.add(f);
        }
      }
      if (inHeader && separators >= 9) {
        fields = header.toString().split(US, -1);
        inHeader = false;
      }
    }

    private static int count(String line) {
      int n = 0;
      for (int i = line.indexOf('\u001f'); i >= 0; i = line.indexOf('\u001f', i + 1)) {
        n++;
      }
      return n;
    }

    void flush() {
      if (fields == null) {
        return;
      }
      String[] f = fields;
      List<String> parents = f[1].isBlank() ? List.of() : Arrays.asList(f[1].trim().split(" "));
      sink.accept(new RawCommit(f[0], parents, f[2], f[3], OffsetDateTime.parse(f[4]), f[5], f[6], OffsetDateTime.parse(f[7]),
          f[8].strip(), List.copyOf(files)));
      fields = null;
      files.clear();
    }
  }
}
