package dev.yardstick.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What Yardstick keeps of one commit: metadata and counted line totals (merges, binary files and
 * excluded paths count no lines), never content.
 *
 * @param authorEmail normalized as a git_email alias is ({@link Emails#normalizeGit})
 * @param aiEvidence the trailer or line that marks the commit as co-authored by Claude, or null
 * @param revertedShas the (possibly abbreviated) shas a revert's message names
 */
public record CommitFacts(
    String sha,
    List<String> parents,
    String authorName,
    String authorEmail,
    OffsetDateTime authorTime,
    String committerEmail,
    OffsetDateTime committerTime,
    int linesAdded,
    int linesRemoved,
    int filesChanged,
    String aiEvidence,
    boolean revert,
    List<String> revertedShas,
    boolean fix) {

  public boolean merge() {
    return parents.size() > 1;
  }

  public boolean aiCoAuthored() {
    return aiEvidence != null;
  }

  /** Lines of {@code originalSha} that {@code reworkingSha} deleted or rewrote within the window. */
  public record ReworkLink(String originalSha, String reworkingSha, int lines) {}

  /** {@code introducingSha} introduced what {@code fixingSha} fixed (kind "szz") or reverted (kind "revert"). */
  public record DefectLink(String introducingSha, String fixingSha, String kind, int lines) {}
}
