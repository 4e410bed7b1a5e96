package dev.yardstick.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One commit the planner decided, as the git writer needs it, and its truth (filled in further as
 * later commits rework or fix its lines).
 *
 * @param files each changed file's whole new content (null: the file is deleted)
 * @param reverts the commit this one reverts, or -1; the message then holds one %s for its sha
 */
public record PlannedCommit(int id, int developer, LocalDate day, long epochSecond, String message, List<File> files,
    int reverts, Truth truth) {

  public record File(String path, List<String> content) {}

  /** What the generator knows of a commit; {@code defect} and {@code reworked} change as later commits land. */
  public static final class Truth {
    public final int id;
    public final int developer;
    public final LocalDate day;
    public final int linesAdded;
    public final int linesRemoved;
    public final boolean aiCoAuthored;
    public final String kind;
    public boolean defect;
    public int reworked;
    public String sha;

    Truth(int id, int developer, LocalDate day, int linesAdded, int linesRemoved, boolean aiCoAuthored, String kind) {
      this.id = id;
      this.developer = developer;
      this.day = day;
      this.linesAdded = linesAdded;
      this.linesRemoved = linesRemoved;
      this.aiCoAuthored = aiCoAuthored;
      this.kind = kind;
    }
  }
}
