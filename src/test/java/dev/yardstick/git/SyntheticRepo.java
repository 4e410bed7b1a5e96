package dev.yardstick.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a real git repository through git fast-import and keeps the ground truth of what it
 * built: per commit the counted lines, Claude co-authorship, revert and fix; which lines later
 * commits reworked within the window; which commits the fixes and reverts point at. Every line is
 * unique, so git's diff finds exactly the edits that were made. The truth is what the builder
 * planted, never what Yardstick's rules make of it: each commit's message says whether it carries
 * Claude Code's mark, reverts or fixes, and the builder names the paths it made as lock files,
 * vendored or generated code (which count no lines).
 */
public final class SyntheticRepo implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final long WINDOW = Duration.ofDays(21).toSeconds();

  /** A line of a file and the commit (mark) that wrote it, at what time. */
  record Line(String text, int mark, long time) {}

  /** A commit message and what its writer put in it. */
  public record Message(String text, boolean ai, boolean revert, boolean fix) {
    public static Message plain(String text) {
      return new Message(text, false, false, false);
    }

    /** A conventional fix subject ("fix: ..."), which the documented default rules call a fix. */
    public static Message fix(String text) {
      return new Message(text, false, false, true);
    }

    /** A message ending in one of Claude Code's marks or a look-alike; it is AI co-authored when the form is a mark. */
    public static Message marked(String subject, ClaudeMarks.Form form) {
      return new Message(form.message(subject), form.claude(), false, false);
    }

    /** What {@code git revert} writes. */
    public static Message revert(String subject, String sha) {
      return new Message("Revert \"" + subject + "\"\n\nThis reverts commit " + sha + ".", false, true, false);
    }

    public Message andFix() {
      return new Message(text, ai, revert, true);
    }
  }

  /** What the repository's builder knows of one commit. */
  public static final class Truth {
    public int mark;
    public String sha;
    public String author;
    public boolean merge;
    public int added;
    public int removed;
    public boolean ai;
    public boolean revert;
    public boolean fix;
    public boolean capped;
    public String revertOf;
  }

  final Path dir;
  private final FastImport fi;
  /** The paths the builder made as lock files, vendored, generated or built code: their lines do not count. */
  public final Set<String> excluded;
  private final int fixCap;
  private final Map<String, Map<String, List<Line>>> branches = new HashMap<>();
  private final Map<String, Set<String>> binaries = new HashMap<>();
  private final Map<String, Integer> tips = new HashMap<>();
  public final Map<Integer, Truth> truth = new LinkedHashMap<>();
  public final Map<Integer, Integer> reworked = new HashMap<>();
  public final Map<Integer, Set<Integer>> blamedBy = new HashMap<>();
  private String branch = "main";
  private int nextMark = 1;
  private int lineCounter;
  private boolean resolveShas = true;

  SyntheticRepo(Path dir, int fixCap, Set<String> excluded) throws IOException, InterruptedException {
    this.dir = dir;
    this.fixCap = fixCap;
    this.excluded = Set.copyOf(excluded);
    this.fi = new FastImport(dir);
    branches.put("main", new LinkedHashMap<>());
    binaries.put("main", new HashSet<>());
  }

  /** One commit being made: edits change the model and the truth, and are written when it ends. */
  final class Edit {
    final Truth t;
    final long time;
    final Set<String> touched = new HashSet<>();
    final Set<String> deleted = new HashSet<>();
    final List<String[]> renames = new ArrayList<>();
    int fixRemovedCounted;
    final List<int[]> pendingBlame = new ArrayList<>();

    Edit(Truth t, long time) {
      this.t = t;
      this.time = time;
    }

    private boolean counts(String path) {
      return !excluded.contains(path);
    }

    private List<Line> file(String path) {
      return branches.get(branch).computeIfAbsent(path, p -> new ArrayList<>());
    }

    String newText() {
      return "line " + (++lineCounter) + " of the synthetic repository;";
    }

    /** Inserts n new lines at index {@code at} (-1: at the end). */
    Edit add(String path, int at, int n) {
      List<Line> f = file(path);
      int pos = at < 0 ? f.size() : at;
      for (int i = 0; i < n; i++) {
        f.add(pos + i, new Line(newText(), t.mark, time));
      }
      if (counts(path)) {
        t.added += n;
      }
      touched.add(path);
      return this;
    }

    Edit comment(String path, int at) {
      file(path).add(at, new Line("// note " + (++lineCounter), t.mark, time));
      if (counts(path)) {
        t.added++;
      }
      touched.add(path);
      return this;
    }

    /** Removes n lines from index {@code from}, and puts m new lines in their place. */
    Edit replace(String path, int from, int n, int m) {
      List<Line> f = file(path);
      for (int i = 0; i < n; i++) {
        removed(path, f.remove(from), true);
      }
      for (int i = 0; i < m; i++) {
        f.add(from + i, new Line(newText(), t.mark, time));
      }
      if (counts(path)) {
        t.added += m;
      }
      touched.add(path);
      return this;
    }

    Edit remove(String path, int from, int n) {
      return replace(path, from, n, 0);
    }

    /** The same text, indented: a whitespace-only change. */
    Edit reindent(String path, int index) {
      List<Line> f = file(path);
      Line old = f.get(index);
      removed(path, old, false);
      f.set(index, new Line("    " + old.text(), t.mark, time));
      if (counts(path)) {
        t.added++;
      }
      touched.add(path);
      return this;
    }

    Edit delete(String path) {
      List<Line> f = branches.get(branch).remove(path);
      if (f != null && !binaries.get(branch).remove(path)) {
        f.forEach(l -> removed(path, l, true));
      }
      deleted.add(path);
      touched.remove(path);
      return this;
    }

    Edit rename(String from, String to) {
      branches.get(branch).put(to, branches.get(branch).remove(from));
      renames.add(new String[] {from, to});
      return this;
    }

    Edit binary(String path) {
      binaries.get(branch).add(path);
      branches.get(branch).put(path, new ArrayList<>());
      touched.add(path);
      return this;
    }

    private void removed(String path, Line l, boolean meaningful) {
      if (!counts(path) || binaries.get(branch).contains(path)) {
        return;
      }
      t.removed++;
      if (l.mark() != t.mark && time - l.time() <= WINDOW) {
        reworked.merge(l.mark(), 1, Integer::sum);
      }
      fixRemovedCounted++;
      boolean comment = l.text().isBlank() || l.text().startsWith("//");
      if (t.fix && meaningful && !comment && l.mark() != t.mark) {
        pendingBlame.add(new int[] {l.mark()});
      }
    }
  }

  Truth commit(String author, double day, Message message, Consumer<Edit> edits) throws IOException {
    return commit(author, day, message, null, edits);
  }

  /** A commit on the current branch; {@code mergeOf} makes it a merge of that branch's tip. */
  Truth commit(String author, double day, Message message, String mergeOf, Consumer<Edit> edits) throws IOException {
    Truth t = new Truth();
    t.mark = nextMark++;
    t.author = author;
    t.merge = mergeOf != null;
    t.ai = message.ai();
    t.revert = message.revert();
    t.fix = message.fix();
    long time = START.getEpochSecond() + Math.round(day * 86_400);
    Edit e = new Edit(t, time);
    Map<String, List<Line>> before = null;
    if (mergeOf != null) {
      before = new HashMap<>(branches.get(mergeOf));
      for (var f : before.entrySet()) {
        if (!f.getValue().equals(branches.get(branch).get(f.getKey()))) {
          branches.get(branch).put(f.getKey(), new ArrayList<>(f.getValue()));
          e.touched.add(f.getKey());
        }
      }
    }
    edits.accept(e);
    if (t.fix && e.fixRemovedCounted > fixCap) {
      t.capped = true;
    } else {
      e.pendingBlame.forEach(b -> blamedBy.computeIfAbsent(b[0], k -> new HashSet<>()).add(t.mark));
    }
    write(t, time, message.text(), mergeOf, e);
    truth.put(t.mark, t);
    tips.put(branch, t.mark);
    if (mergeOf != null) {
      branches.remove(mergeOf); // merged: its model is not needed any more
      binaries.remove(mergeOf);
    }
    return t;
  }

  private void write(Truth t, long time, String message, String mergeOf, Edit e) throws IOException {
    fi.raw("commit refs/heads/" + branch + "\nmark :" + t.mark + "\n");
    String offset = t.author.hashCode() % 2 == 0 ? "+0200" : "-0500";
    fi.person("author", t.author.substring(0, t.author.indexOf('@')), t.author, Instant.ofEpochSecond(time), offset);
    fi.person("committer", t.author.substring(0, t.author.indexOf('@')), t.author, Instant.ofEpochSecond(time), offset);
    fi.data(message.getBytes(StandardCharsets.UTF_8));
    if (tips.containsKey(branch)) {
      fi.raw("from :" + tips.get(branch) + "\n");
    }
    if (mergeOf != null) {
      fi.raw("merge :" + tips.get(mergeOf) + "\n");
    }
    for (String d : e.deleted) {
      fi.raw("D " + d + "\n");
    }
    for (String[] r : e.renames) {
      fi.raw("R " + r[0] + " " + r[1] + "\n");
    }
    for (String path : e.touched) {
      fi.raw("M 100644 inline " + path + "\n");
      fi.data(content(path));
    }
  }

  private byte[] content(String path) {
    if (binaries.get(branch).contains(path)) {
      byte[] b = new byte[256];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (i * 7 + lineCounter++);
      }
      b[3] = 0;
      return b;
    }
    StringBuilder sb = new StringBuilder();
    for (Line l : branches.get(branch).get(path)) {
      sb.append(l.text()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Starts a branch from the current branch's tip and makes it current. */
  void branch(String name) {
    Map<String, List<Line>> copy = new LinkedHashMap<>();
    branches.get(branch).forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    branches.put(name, copy);
    binaries.put(name, new HashSet<>(binaries.get(branch)));
    tips.put(name, tips.get(branch));
    branch = name;
  }

  void checkout(String name) {
    branch = name;
  }

  public List<Line> lines(String path) {
    return branches.get(branch).get(path);
  }

  String sha(Truth t) throws IOException {
    if (t.sha == null) {
      t.sha = fi.sha(t.mark);
    }
    return t.sha;
  }

  /** Whether close() asks for every commit's sha (a benchmark's repository needs none). */
  void resolveShasOnClose(boolean resolve) {
    this.resolveShas = resolve;
  }

  /** Resolves every commit's sha and ends the import. */
  @Override
  public void close() throws IOException, InterruptedException {
    for (Truth t : truth.values()) {
      if (resolveShas) {
        sha(t);
      }
    }
    fi.close();
  }

  public Truth byMark(int mark) {
    return truth.get(mark);
  }
}
