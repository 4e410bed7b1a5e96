package dev.yardstick.git;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streaming pass of {@code git log --numstat -M}: every commit of a revision range with its
 * metadata, message and per-file line counts, oldest first, handed on one at a time.
 */
public final class LogReader {
  private static final char RS = '\u001e';
  private static final char US = '\u001f';
  // dates as "<epoch seconds> <+hhmm>" (--date=raw): read with two parseInts, not a date-time parser
  private static final String FORMAT = "--format=" + RS + "%H" + US + "%P" + US + "%an" + US + "%ae" + US + "%ad" + US
      + "%cn" + US + "%ce" + US + "%cd" + US + "%B" + US;
  private static final int HEADER_FIELDS = 8;

  private LogReader() {}

  /** @param range a revision or range ("main", "abc..main"); commits arrive oldest first */
  public static void read(GitCli git, String range, Consumer<RawCommit> sink) {
    Parser parser = new Parser(sink);
    // paths unquoted, as the patch pass reads them, so that one path rule sees one path; no diff driver of the
    // repository's own configuration runs (a textconv or external diff is a command, and would change the counts)
    git.stream(List.of("-c", "core.quotePath=false", "log", "--reverse", "--topo-order", "--numstat", "-M", "--no-color",
        "--no-ext-diff", "--no-textconv", "--date=raw", FORMAT, range, "--"), parser::line);
    parser.flush();
  }

  /** Line by line: a header line (the fields and the message's first line), the rest of the message, numstat lines. */
  static final class Parser {
    private final Consumer<RawCommit> sink;
    private final String[] fields = new String[HEADER_FIELDS];
    private final StringBuilder message = new StringBuilder();
    private final List<FileStat> files = new ArrayList<>();
    private boolean open;
    private boolean inMessage;

    Parser(Consumer<RawCommit> sink) {
      this.sink = sink;
    }

    void line(String line) {
      if (!line.isEmpty() && line.charAt(0) == RS) {
        flush();
        int at = 1;
        for (int i = 0; i < HEADER_FIELDS; i++) { // names and emails hold no line break: the fields share the first line
          int end = line.indexOf(US, at);
          fields[i] = line.substring(at, end);
          at = end + 1;
        }
        open = true;
        inMessage = true;
        message.setLength(0);
        messageLine(line, at);
      } else if (inMessage) {
        message.append('\n');
        messageLine(line, 0);
      } else if (open && !line.isEmpty()) {
        FileStat f = FileStat.parse(line);
        if (f != null) {
          files.add(f);
        }
      }
    }

    private void messageLine(String line, int from) {
      int end = line.indexOf(US, from);
      message.append(line, from, end < 0 ? line.length() : end);
      inMessage = end < 0;
    }

    void flush() {
      if (!open) {
        return;
      }
      String[] f = fields;
      List<String> parents = f[1].isBlank() ? List.of() : List.of(f[1].trim().split(" "));
      sink.accept(new RawCommit(f[0], parents, f[2], f[3], time(f[4]), f[5], f[6], time(f[7]), message.toString().strip(),
          List.copyOf(files)));
      open = false;
      files.clear();
    }
  }

  /** "1700000000 +0200" as that instant at that offset; an offset git accepted but no clock has reads as UTC. */
  static OffsetDateTime time(String raw) {
    int space = raw.indexOf(' ');
    long epoch = Long.parseLong(raw.substring(0, space));
    int tz = Integer.parseInt(raw.substring(space + 1).replace("+", ""));
    int hours = tz / 100;
    int minutes = tz % 100;
    ZoneOffset offset = Math.abs(hours) <= 18 && Math.abs(minutes) < 60 && Math.abs(hours * 60 + minutes) <= 18 * 60
        ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.UTC;
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epoch), offset);
  }
}
