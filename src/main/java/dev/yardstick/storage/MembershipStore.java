package dev.yardstick.storage;

import dev.yardstick.identity.TeamHistory;
import dev.yardstick.model.NotFoundException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/** Developers' dated team memberships; a null start means since the start of the developer's data. */
public final class MembershipStore {
  private final Database db;

  MembershipStore(Database db) {
    this.db = db;
  }

  /** A developer's memberships, earliest first. */
  public List<TeamHistory.Entry> of(long org, long developerId) {
    return db.jdbi().withHandle(h -> memberships(h, org, developerId));
  }

  private static List<TeamHistory.Entry> memberships(Handle h, long org, long developerId) {
    return TeamHistory.sorted(h.createQuery("SELECT id, team_id, valid_from, valid_to FROM team_memberships"
            + " WHERE org_id = :org AND developer_id = :dev").bind("org", org).bind("dev", developerId)
        .map((rs, ctx) -> new TeamHistory.Entry(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class))).list());
  }

  /** A developer's memberships before and after a change; ids of 0 in {@code after} were inserted. */
  public record MembershipChange(List<TeamHistory.Entry> before, List<TeamHistory.Entry> after) {
    public boolean changed() {
      return !before.equals(after);
    }
  }

  /**
   * Changes a developer's memberships in one transaction that holds the developer's row, so that
   * two changes at once cannot leave overlaps: rows the change drops are deleted, changed ones
   * updated, new ones (id 0) inserted. Whatever {@code change} throws leaves everything as it was.
   */
  public MembershipChange change(long org, long developerId, UnaryOperator<List<TeamHistory.Entry>> change) {
    return db.jdbi().inTransaction(h -> {
      if (h.createQuery("SELECT id FROM developers WHERE org_id = :org AND id = :dev FOR UPDATE").bind("org", org)
          .bind("dev", developerId).mapTo(Long.class).findFirst().isEmpty()) {
        throw new NotFoundException("no developer " + developerId);
      }
      List<TeamHistory.Entry> before = memberships(h, org, developerId);
      List<TeamHistory.Entry> after = change.apply(before);
      Map<Long, TeamHistory.Entry> kept = new HashMap<>();
      after.forEach(e -> kept.put(e.id(), e));
      for (TeamHistory.Entry e : before) {
        TeamHistory.Entry now = kept.get(e.id());
        if (now == null) {
          h.createUpdate("DELETE FROM team_memberships WHERE id = :id AND org_id = :org").bind("id", e.id()).bind("org", org).execute();
        } else if (!now.equals(e)) {
          h.createUpdate("UPDATE team_memberships SET team_id = :team, valid_from = :from, valid_to = :to WHERE id = :id AND org_id = :org")
              .bind("team", now.teamId()).bind("from", now.from()).bind("to", now.to()).bind("id", e.id()).bind("org", org).execute();
        }
      }
      for (TeamHistory.Entry e : after) {
        if (e.id() == 0) {
          h.createUpdate("INSERT INTO team_memberships (org_id, developer_id, team_id, valid_from, valid_to)"
                  + " VALUES (:org, :dev, :team, :from, :to)")
              .bind("org", org).bind("dev", developerId).bind("team", e.teamId()).bind("from", e.from()).bind("to", e.to()).execute();
        }
      }
      return new MembershipChange(before, memberships(h, org, developerId));
    });
  }
}
