package dev.yardstick.git;

import dev.yardstick.git.SyntheticRepo.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A big synthetic history for benchmarks: {@code commits} commits by 50 authors over a growing set
 * of files (about one new file per 20 commits), each commit adding, rewriting or deleting lines in
 * one to three files; a tenth are fixes, a sixth carry one of Claude Code's marks (each form in
 * turn), some touch a lock file or binaries, and every 500th is a merge of a short side branch.
 */
public final class LargeRepo {
  private LargeRepo() {}

  public static void build(Path dir, int commits, long seed) throws Exception {
    Random rnd = new Random(seed);
    List<String> files = new ArrayList<>();
    try (SyntheticRepo r = new SyntheticRepo(dir, 200, Set.of("package-lock.json"))) {
      r.resolveShasOnClose(false);
      int made = 0;
      int fileNo = 0;
      while (made < commits) {
        if (made % 500 == 499 && files.size() > 4) {
          r.branch("side" + made);
          String f = "side/s" + made + ".java";
          r.commit(author(rnd), made * 0.02, Message.plain("Side work " + made), e -> e.add(f, -1, 20));
          r.checkout("main");
          r.commit(author(rnd), made * 0.02 + 0.005, Message.plain("Merge side " + made), "side" + made, e -> { });
          made += 2;
          continue;
        }
        boolean newFile = files.isEmpty() || rnd.nextInt(20) == 0;
        if (newFile) {
          files.add("src/m" + (fileNo % 40) + "/F" + (fileNo++) + ".java");
        }
        Message message = message(rnd, made);
        List<String> touched = new ArrayList<>();
        touched.add(newFile ? files.getLast() : files.get(rnd.nextInt(files.size())));
        if (rnd.nextInt(3) == 0) {
          touched.add(files.get(rnd.nextInt(files.size())));
        }
        int kind = rnd.nextInt(100);
        r.commit(author(rnd), made * 0.02, message, e -> {
          for (String f : touched.stream().distinct().toList()) {
            List<SyntheticRepo.Line> lines = r.lines(f);
            int size = lines == null ? 0 : lines.size();
            if (size < 10 || kind < 60) {
              e.add(f, size == 0 ? -1 : rnd.nextInt(size + 1), 1 + rnd.nextInt(20));
            } else if (kind < 85) {
              int n = 1 + rnd.nextInt(Math.min(5, size));
              e.replace(f, rnd.nextInt(size - n + 1), n, 1 + rnd.nextInt(6));
            } else {
              int n = 1 + rnd.nextInt(Math.min(3, size));
              e.remove(f, rnd.nextInt(size - n + 1), n);
            }
          }
          if (kind == 97) {
            e.add("package-lock.json", -1, 30);
          }
          if (kind == 98) {
            e.binary("assets/img" + rnd.nextInt(50) + ".png");
          }
        });
        made++;
      }
    }
  }

  private static String author(Random rnd) {
    return "dev" + rnd.nextInt(50) + "@example.com";
  }

  private static Message message(Random rnd, int i) {
    int k = rnd.nextInt(100);
    if (k < 10) {
      return Message.fix("fix: problem " + i);
    }
    if (k < 26) {
      return Message.marked("Change " + i, ClaudeMarks.MARKS.get(i % ClaudeMarks.MARKS.size()));
    }
    return Message.plain("Change " + i);
  }
}
