package dev.yardstick.demo;

import dev.yardstick.demo.DemoOrg.Day;
import dev.yardstick.demo.PlannedCommit.File;
import dev.yardstick.demo.PlannedCommit.Truth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One developer's files as the planner grows them: each line remembers the commit that wrote it. */
final class DeveloperFiles {
  record Line(String text, int commit, long time) {}

  record Change(String path, List<File> files, int rewritten) {}

  private record Pending(int commit, String path, LocalDate due, String subject, long time) {}

  private final String prefix;
  private final String ext;
  private final Map<String, List<Line>> open = new HashMap<>();
  private final List<Pending> fixes = new ArrayList<>();
  private final List<Pending> reverts = new ArrayList<>();
  private String active;
  private int fileCount;

  DeveloperFiles(String prefix, String ext) {
    this.prefix = prefix;
    this.ext = ext;
  }

  Change change(int id, int lines, int rewrite, long time, int cap, SplittableRandom r, List<Truth> truths) {
    if (active == null || open.get(active).size() >= cap) {
      String old = active;
      fileCount++;
      active = prefix + "/src/part" + (fileCount / 16) + "/Module" + fileCount + "." + ext;
      open.put(active, new ArrayList<>());
      if (old != null && fixes.stream().noneMatch(p -> p.path().equals(old))) {
        open.remove(old);
      }
    }
    List<Line> file = open.get(active);
    List<Integer> recent = new ArrayList<>();
    for (int i = 0; i < file.size(); i++) {
      if (CommitPlanner.recent(file.get(i).time(), time)) {
        recent.add(i);
      }
    }
    int rewritten = 0;
    for (int k = 0; k < rewrite && !recent.isEmpty(); k++) {
      int at = recent.remove(r.nextInt(recent.size()));
      truths.get(file.get(at).commit()).reworked++;
      file.set(at, new Line(text(id, "r" + k), id, time));
      rewritten++;
    }
    for (int k = 0; k < lines; k++) {
      file.add(new Line(text(id, Integer.toString(k)), id, time));
    }
    return new Change(active, List.of(new File(active, texts(file))), rewritten);
  }

  File experiment(int id, int lines, long time, String subject, LocalDate due) {
    String path = prefix + "/experiments/Try" + id + "." + ext;
    List<String> content = new ArrayList<>();
    for (int k = 0; k < lines; k++) {
      content.add(text(id, Integer.toString(k)));
    }
    reverts.add(new Pending(id, path, due, subject, time));
    return new File(path, content);
  }

  void planFix(int commit, String path, LocalDate due) {
    fixes.add(new Pending(commit, path, due, null, 0));
  }

  /** The revert of an experiment whose day came, while it is younger than the rework window; else null. */
  PlannedCommit revertDue(Day d, long time, int id, CommitPlanner.TruthMaker truths, List<Truth> all) {
    for (Iterator<Pending> it = reverts.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (d.day().isBefore(p.due())) {
        continue;
      }
      it.remove();
      if (!CommitPlanner.recent(p.time(), time)) {
        continue;
      }
      Truth reverted = all.get(p.commit());
      reverted.defect = true;
      reverted.reworked += reverted.linesAdded;
      Truth t = truths.make(id, d, 0, reverted.linesAdded, false, "revert");
      String message = "Revert \"" + p.subject() + "\"\n\nThis reverts commit %s.\n";
      return new PlannedCommit(id, d.developer(), d.day(), time, message, List.of(new File(p.path(), null)), p.commit(), t);
    }
    return null;
  }

  /** A {@code fix:} commit rewriting lines a planted buggy commit wrote (and nothing else), or null. */
  PlannedCommit fixDue(Day d, long time, int id, SplittableRandom r, CommitPlanner.TruthMaker truths, List<Truth> all) {
    for (Iterator<Pending> it = fixes.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (d.day().isBefore(p.due())) {
        continue;
      }
      it.remove();
      List<Line> file = open.get(p.path());
      List<Integer> owned = new ArrayList<>();
      for (int i = 0; file != null && i < file.size(); i++) {
        if (file.get(i).commit() == p.commit() && CommitPlanner.recent(file.get(i).time(), time)) {
          owned.add(i);
        }
      }
      if (!p.path().equals(active) && fixes.stream().noneMatch(q -> q.path().equals(p.path()))) {
        open.remove(p.path());
      }
      if (owned.isEmpty()) {
        continue;
      }
      int n = Math.min(owned.size(), 1 + r.nextInt(3));
      for (int k = 0; k < n; k++) {
        int at = owned.remove(r.nextInt(owned.size()));
        file.set(at, new Line(text(id, "f" + k), id, time));
      }
      Truth buggy = all.get(p.commit());
      buggy.defect = true;
      buggy.reworked += n;
      Truth t = truths.make(id, d, n, n, false, "fix");
      String message = "fix: correct the " + p.path().substring(p.path().lastIndexOf('/') + 1) + " edge case from #"
          + (p.commit() + 1) + "\n";
      return new PlannedCommit(id, d.developer(), d.day(), time, message, List.of(new File(p.path(), texts(file))), -1, t);
    }
    return null;
  }

  private static String text(int id, String k) {
    return "    value c" + id + "x" + k + " = " + ((id * 31L + k.hashCode()) & 0xffff) + ";";
  }

  private static List<String> texts(List<Line> file) {
    List<String> out = new ArrayList<>(file.size());
    file.forEach(l -> out.add(l.text()));
    return out;
  }
}
