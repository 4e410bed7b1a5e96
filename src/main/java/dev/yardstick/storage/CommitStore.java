package dev.yardstick.storage;

import dev.yardstick.model.CommitFacts;
import dev.yardstick.model.CommitFacts.DefectLink;
import dev.yardstick.model.CommitFacts.ReworkLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Commits of an organization (one row per sha, whichever repositories reach it), and the rework and defect links. */
public final class CommitStore {
  private static final int CHUNK = 500;
  private static final List<String> COLUMNS = List.of("org_id", "sha", "author_email", "author_name", "author_time",
      "author_offset_min", "author_day", "committer_email", "committer_time", "parents", "is_merge", "lines_added",
      "lines_removed", "files_changed", "ai_coauthored", "ai_evidence", "is_revert", "reverted_shas", "is_fix", "reworked_lines",
      "defect_introducing");

  private final Database db;

  public CommitStore(Database db) {
    this.db = db;
  }

  /** The shas the repository already reaches. */
  public Set<String> members(long repositoryId) {
    return new HashSet<>(db.jdbi().withHandle(h -> h.createQuery("SELECT sha FROM repository_commits WHERE repository_id = :r")
        .bind("r", repositoryId).mapTo(String.class).list()));
  }

  /**
   * Stores commits the organization does not have yet and records that the repository reaches all
   * of them, in one transaction; {@code members} and {@code known} are updated. Returns how many commits were new.
   */
  public int add(long orgId, long repositoryId, ZoneId zone, List<CommitFacts> commits, Set<String> members, Set<String> known) {
    return SqlCalls.run(() -> db.jdbi().inTransaction(h -> {
      lockOrg(h, orgId);
      refresh(h, orgId, known);
      List<String> shas = commits.stream().map(CommitFacts::sha).toList();
      List<Object[]> rows = new ArrayList<>();
      for (CommitFacts c : commits) {
        if (known.add(c.sha())) {
          rows.add(new Object[] {orgId, c.sha(), c.authorEmail(), trim(c.authorName(), 200), c.authorTime(),
              c.authorTime().getOffset().getTotalSeconds() / 60, c.authorTime().atZoneSameInstant(zone).toLocalDate(),
              c.committerEmail(), c.committerTime(), trim(String.join(" ", c.parents()), 1000), c.merge(), c.linesAdded(),
              c.linesRemoved(), c.filesChanged(), c.aiCoAuthored(), trim(c.aiEvidence(), 500), c.revert(),
              c.revertedShas().isEmpty() ? null : trim(String.join(" ", c.revertedShas()), 400), c.fix(), 0, false});
        }
      }
      int added = insertNew(h.getConnection(), orgId, rows);
      if (added > 0) {
        DataVersion.bump(h, orgId, DataVersion.Kind.GIT); // reports' cached author-days (repository rows are never cached)
      }
      List<Object[]> membership = new ArrayList<>();
      for (String sha : shas) {
        if (members.add(sha)) {
          membership.add(new Object[] {repositoryId, sha});
        }
      }
      MultiRowInsert.insert(h.getConnection(), "repository_commits", List.of("repository_id", "sha"), membership);
      return added;
    }));
  }

  /**
   * Imports of repositories that share history (forks, clones) write the organization's commits one
   * at a time: their batches would otherwise insert the same commits at once, or deadlock on links.
   */
  private void lockOrg(Handle h, long orgId) {
    h.createQuery(db.dialect().lockOrg()).bind(0, orgId).mapTo(Long.class).findOne();
  }

  /** Inserts the rows; those another import stored since this one read {@code known} are skipped. Returns how many were new. */
  private static int insertNew(Connection c, long orgId, List<Object[]> rows) throws SQLException {
    Savepoint before = c.setSavepoint();
    try {
      MultiRowInsert.insert(c, "commits", COLUMNS, rows);
      c.releaseSavepoint(before);
      return rows.size();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
    }
    List<Object[]> missing = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM commits WHERE org_id = ? AND sha = ?")) {
      for (Object[] row : rows) {
        ps.setLong(1, orgId);
        ps.setString(2, (String) row[1]);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            missing.add(row);
          }
        }
      }
    }
    MultiRowInsert.insert(c, "commits", COLUMNS, missing); // the organization is locked: nobody else inserts meanwhile
    return missing.size();
  }

  /**
   * Every sha the organization has, read once per import: H2 answers "sha IN (...)" by scanning, so
   * asking per batch made an import of 20,000 commits quadratic.
   */
  public Set<String> known(long orgId) {
    return db.jdbi().inTransaction(h -> {
      long forgets = forgets(h, orgId); // read first: a deletion between the two reads only makes the next batch read again
      return KnownShas.of(shas(h, orgId), forgets);
    });
  }

  private static Set<String> shas(Handle h, long orgId) {
    return new HashSet<>(h.createQuery("SELECT sha FROM commits WHERE org_id = :org").bind("org", orgId).mapTo(String.class).list());
  }

  private static long forgets(Handle h, long orgId) {
    return h.createQuery("SELECT commits_forgotten FROM orgs WHERE id = :org").bind("org", orgId).mapTo(Long.class).one();
  }

  /** Under the organization's lock: commits deleted since {@code known} was read (another repository's) are read as gone. */
  private static void refresh(Handle h, long orgId, Set<String> known) {
    if (known instanceof KnownShas k) {
      long now = forgets(h, orgId);
      if (now != k.forgets()) {
        k.replace(shas(h, orgId), now);
      }
    }
  }

  /**
   * Replaces the links that the given commits make (their rework of earlier lines, the commits they
   * fix or revert) and recomputes the earlier commits' figures: analysing a commit twice changes nothing.
   */
  public void replaceLinks(long orgId, Collection<String> fromShas, List<ReworkLink> rework, List<DefectLink> defects) {
    SqlCalls.run(() -> db.jdbi().useTransaction(h -> {
      lockOrg(h, orgId);
      Set<String> affected = new LinkedHashSet<>();
      for (String sha : fromShas) {
        affected.addAll(h.createQuery("SELECT original_sha FROM rework_links WHERE org_id = :org AND reworking_sha = :s")
            .bind("org", orgId).bind("s", sha).mapTo(String.class).list());
        affected.addAll(h.createQuery("SELECT introducing_sha FROM defect_links WHERE org_id = :org AND fixing_sha = :s")
            .bind("org", orgId).bind("s", sha).mapTo(String.class).list());
      }
      perSha(h, "DELETE FROM rework_links WHERE org_id = ? AND reworking_sha = ?", orgId, fromShas);
      perSha(h, "DELETE FROM defect_links WHERE org_id = ? AND fixing_sha = ?", orgId, fromShas);
      List<Object[]> r = new ArrayList<>();
      rework.forEach(l -> {
        r.add(new Object[] {orgId, l.originalSha(), l.reworkingSha(), l.lines()});
        affected.add(l.originalSha());
      });
      List<Object[]> d = new ArrayList<>();
      defects.forEach(l -> {
        d.add(new Object[] {orgId, l.introducingSha(), l.fixingSha(), l.kind(), l.lines()});
        affected.add(l.introducingSha());
      });
      MultiRowInsert.insert(h.getConnection(), "rework_links", List.of("org_id", "original_sha", "reworking_sha", "lines"), r);
      MultiRowInsert.insert(h.getConnection(), "defect_links", List.of("org_id", "introducing_sha", "fixing_sha", "kind", "lines"), d);
      perSha(h, "UPDATE commits SET reworked_lines = COALESCE((SELECT SUM(r.lines) FROM rework_links r"
          + " WHERE r.org_id = commits.org_id AND r.original_sha = commits.sha), 0),"
          + " defect_introducing = EXISTS (SELECT 1 FROM defect_links d WHERE d.org_id = commits.org_id"
          + " AND d.introducing_sha = commits.sha) WHERE org_id = ? AND sha = ?", orgId, affected);
      if (!affected.isEmpty()) {
        DataVersion.bump(h, orgId, DataVersion.Kind.GIT);
      }
    }));
  }

  /** One statement per sha, batched: equality on the key is planned well by H2 and PostgreSQL alike, "IN (...)" is not. */
  private static void perSha(Handle h, String sql, long orgId, Collection<String> shas) throws SQLException {
    if (shas.isEmpty()) {
      return;
    }
    try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
      for (String sha : shas) {
        ps.setLong(1, orgId);
        ps.setString(2, sha);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * After a force-push: the repository no longer reaches the commits outside {@code reachable}.
   * Commits no followed repository reaches are deleted with their links. Returns how many left the repository.
   */
  public int forgetUnreachable(long orgId, long repositoryId, Set<String> reachable, Set<String> members) {
    List<String> gone = members.stream().filter(s -> !reachable.contains(s)).toList();
    if (gone.isEmpty()) {
      return 0;
    }
    SqlCalls.run(() -> db.jdbi().useTransaction(h -> {
      lockOrg(h, orgId);
      forget(h, orgId, repositoryId, gone);
    }));
    members.removeAll(gone);
    return gone.size();
  }

  /**
   * Deletes the repository, and the commits no other repository of the organization reaches, in one
   * transaction: an import of it still running elsewhere then fails on the missing repository.
   */
  public void forgetRepository(long orgId, long repositoryId) {
    SqlCalls.run(() -> db.jdbi().useTransaction(h -> {
      lockOrg(h, orgId);
      forget(h, orgId, repositoryId, h.createQuery("SELECT sha FROM repository_commits WHERE repository_id = :r")
          .bind("r", repositoryId).mapTo(String.class).list());
      h.createUpdate("DELETE FROM repository_commits WHERE repository_id = :r").bind("r", repositoryId).execute();
      h.createUpdate("DELETE FROM repositories WHERE org_id = :org AND id = :r").bind("org", orgId).bind("r", repositoryId).execute();
    }));
  }

  private static void forget(Handle h, long orgId, long repositoryId, List<String> gone) {
    h.createUpdate("UPDATE orgs SET commits_forgotten = commits_forgotten + 1 WHERE id = :org").bind("org", orgId).execute();
    DataVersion.bump(h, orgId, DataVersion.Kind.GIT);
    for (int i = 0; i < gone.size(); i += CHUNK) {
      List<String> part = gone.subList(i, Math.min(gone.size(), i + CHUNK));
      h.createUpdate("DELETE FROM repository_commits WHERE repository_id = :r AND sha IN (<s>)").bind("r", repositoryId)
          .bindList("s", part).execute();
      String orphan = " AND NOT EXISTS (SELECT 1 FROM repository_commits m JOIN repositories p ON p.id = m.repository_id"
          + " WHERE p.org_id = :org AND m.sha = ";
      h.createUpdate("DELETE FROM rework_links WHERE org_id = :org AND (reworking_sha IN (<s>)" + orphan + "reworking_sha)"
          + " OR original_sha IN (<s>)" + orphan + "original_sha))").bind("org", orgId).bindList("s", part).execute();
      h.createUpdate("DELETE FROM defect_links WHERE org_id = :org AND (fixing_sha IN (<s>)" + orphan + "fixing_sha)"
          + " OR introducing_sha IN (<s>)" + orphan + "introducing_sha))").bind("org", orgId).bindList("s", part).execute();
      h.createUpdate("DELETE FROM commits WHERE org_id = :org AND sha IN (<s>)" + orphan + "commits.sha)")
          .bind("org", orgId).bindList("s", part).execute();
    }
  }

  /** Every fix commit of the organization (a replay of history needs them all). */
  public Set<String> fixes(long orgId) {
    return new HashSet<>(db.jdbi().withHandle(h -> h.createQuery("SELECT sha FROM commits WHERE org_id = :org AND is_fix")
        .bind("org", orgId).mapTo(String.class).list()));
  }

  /**
   * Every revert of the organization and the shas its message names, read once per analysis: reverts
   * are few, and asking per batch of analysed commits scanned the table once a batch.
   */
  public java.util.Map<String, List<String>> revertTargets(long orgId) {
    java.util.Map<String, List<String>> out = new java.util.HashMap<>();
    db.jdbi().useHandle(h -> h.createQuery("SELECT sha, reverted_shas FROM commits WHERE org_id = :org AND reverted_shas IS NOT NULL")
        .bind("org", orgId).map((rs, ctx) -> out.put(rs.getString(1), List.of(rs.getString(2).split(" ")))).list());
    return out;
  }

  private static String trim(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** Runs JDBC work, turning a lost database into StorageUnavailableException. */
  static final class SqlCalls {
    interface Work<T> {
      T run() throws SQLException;
    }

    interface VoidWork {
      void run() throws SQLException;
    }

    static <T> T run(Work<T> w) {
      try {
        return w.run();
      } catch (SQLException e) {
        throw SqlFailure.unchecked(e);
      }
    }

    static void run(VoidWork w) {
      run(() -> {
        w.run();
        return null;
      });
    }
  }
}
