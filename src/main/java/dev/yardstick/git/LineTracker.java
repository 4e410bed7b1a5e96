package dev.yardstick.git;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Replays zero-context patches oldest first, keeping for each line the commit that wrote it. A
 * line that a later commit removes or rewrites within the window is rework of the commit that wrote
 * it; the lines a fix removes or rewrites point (SZZ) at the commits that wrote them, except blank,
 * comment-only and whitespace-only changes, and not at all for a fix larger than the cap.
 */
public final class LineTracker {
  /** What one commit did to earlier lines: lines reworked and lines blamed, by earlier commit. */
  public record Outcome(String sha, Map<String, Integer> reworked, Map<String, Integer> blamed, boolean capped) {}

  private final LineOrigins origins;
  private final long windowSeconds;
  private final int fixCap;
  private final Predicate<String> counted;

  LineTracker(LineOrigins origins, Duration window, int fixCap, Predicate<String> counted) {
    this.origins = origins;
    this.windowSeconds = window.toSeconds();
    this.fixCap = fixCap;
    this.counted = counted;
  }

  Outcome apply(String sha, long committedEpochSecond, boolean fix, List<FileDiff> files) {
    int me = origins.commit(sha, committedEpochSecond);
    Map<Integer, Integer> reworked = new HashMap<>();
    Map<Integer, Integer> blamed = new HashMap<>();
    int fixRemoved = 0;
    for (FileDiff f : files) {
      if (f.oldPath != null && f.newPath != null && !f.oldPath.equals(f.newPath)) {
        int[] moved = origins.files.remove(f.oldPath);
        if (moved != null) {
          origins.files.put(f.newPath, moved);
        }
      }
      if (f.binary || !counted.test(f.path())) {
        origins.files.remove(f.path());
        continue;
      }
      int[] old = f.oldPath == null ? new int[0] : origins.files.getOrDefault(f.newPath != null ? f.newPath : f.oldPath, new int[0]);
      int[] next = new int[Math.max(0, old.length + f.hunks.stream().mapToInt(h -> h.newCount - h.oldCount).sum())];
      int from = 0;
      int to = 0;
      for (FileDiff.Hunk h : f.hunks) {
        int start = h.oldCount == 0 ? h.oldStart : h.oldStart - 1; // with no old lines, the hunk goes after oldStart
        to = copy(old, from, Math.min(start, old.length), next, to);
        for (int i = 0; i < h.oldCount; i++) {
          int origin = start + i < old.length ? old[start + i] : LineOrigins.UNKNOWN;
          if (origin != LineOrigins.UNKNOWN && origin != me) {
            if (committedEpochSecond - origins.times[origin] <= windowSeconds) {
              reworked.merge(origin, 1, Integer::sum);
            }
            if (fix && Szz.meaningful(h, i)) {
              blamed.merge(origin, 1, Integer::sum);
            }
          }
        }
        fixRemoved += h.oldCount;
        from = Math.min(start + h.oldCount, old.length);
        for (int i = 0; i < h.newCount && to < next.length; i++) {
          next[to++] = me;
        }
      }
      to = copy(old, from, old.length, next, to);
      if (f.newPath == null) {
        origins.files.remove(f.oldPath);
      } else {
        origins.files.put(f.newPath, to == next.length ? next : java.util.Arrays.copyOf(next, to));
      }
    }
    boolean capped = fix && fixRemoved > fixCap;
    return new Outcome(sha, bySha(reworked), capped ? Map.of() : bySha(blamed), capped);
  }

  private static int copy(int[] src, int from, int until, int[] dst, int to) {
    int n = Math.max(0, Math.min(until - from, dst.length - to));
    System.arraycopy(src, from, dst, to, n);
    return to + n;
  }

  private Map<String, Integer> bySha(Map<Integer, Integer> byIndex) {
    Map<String, Integer> out = new HashMap<>();
    byIndex.forEach((i, n) -> out.put(origins.shas.get(i), n));
    return out;
  }
}
