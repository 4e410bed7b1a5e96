package dev.yardstick.storage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-side SQL for one author's commits, newest first, with the followed repositories that reach each. */
public final class CommitLines {
  private final Database db;

  public CommitLines(Database db) {
    this.db = db;
  }

  /** A followed repository that reaches a commit: its name, and its clone URL (null for a local path). */
  public record Reach(String name, String url) {}

  /** One non-merge commit as the developer page lists it. */
  public record Line(String sha, OffsetDateTime time, LocalDate day, int linesAdded, int linesRemoved, int filesChanged,
      boolean aiCoAuthored, boolean revert, boolean fix, int reworkedLines, boolean defectIntroducing, List<Reach> reach) {}

  /**
   * The newest {@code limit} non-merge commits authored by exactly these emails (as stored) on these days (index
   * commits_author), newest first.
   */
  public List<Line> of(long orgId, Collection<String> emails, Collection<LocalDate> days, int limit) {
    if (emails.isEmpty() || days.isEmpty()) {
      return List.of();
    }
    return db.jdbi().withHandle(h -> {
      List<Line> lines = h.createQuery("SELECT sha, author_time, author_day, lines_added, lines_removed, files_changed,"
              + " ai_coauthored, is_revert, is_fix, reworked_lines, defect_introducing FROM commits"
              + " WHERE org_id = :org AND author_email IN (<emails>) AND NOT is_merge AND author_day IN (<days>)"
              + " ORDER BY author_time DESC, sha LIMIT :limit")
          .bind("org", orgId).bindList("emails", List.copyOf(emails)).bindList("days", List.copyOf(days)).bind("limit", limit)
          .map((rs, ctx) -> new Line(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, LocalDate.class),
              rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getInt(10),
              rs.getBoolean(11), new ArrayList<>()))
          .list();
      if (lines.isEmpty()) {
        return lines;
      }
      Map<String, Line> bySha = new HashMap<>();
      lines.forEach(l -> bySha.put(l.sha(), l));
      h.createQuery("SELECT rc.sha, r.name, r.url FROM repository_commits rc JOIN repositories r ON r.id = rc.repository_id"
              + " WHERE r.org_id = :org AND rc.sha IN (<shas>) ORDER BY r.name")
          .bind("org", orgId).bindList("shas", List.copyOf(bySha.keySet()))
          .map((rs, ctx) -> { // the lists were made here, mutable, and are handed out only after this
            bySha.get(rs.getString(1)).reach().add(new Reach(rs.getString(2), rs.getString(3)));
            return 0;
          }).list();
      return lines.stream().map(l -> new Line(l.sha(), l.time(), l.day(), l.linesAdded(), l.linesRemoved(), l.filesChanged(),
          l.aiCoAuthored(), l.revert(), l.fix(), l.reworkedLines(), l.defectIntroducing(), List.copyOf(l.reach()))).toList();
    });
  }
}
