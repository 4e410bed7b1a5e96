package dev.yardstick.storage;

import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.UsageField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Removes Admin API rows by actor and UTC day. Each (day, actor) removed is remembered, and a later
 * fetch of that day leaves the actor out (see {@link AnthropicStore#replaceDay}): the Admin API is
 * Anthropic's record and the hourly re-poll fetches the last days again, which would bring them back.
 */
public final class AdminUsageRemoval {
  private static final List<UsageField> FIELDS = Stream.of(UsageField.values())
      .filter(f -> f != UsageField.ACTIVE_USER_SECONDS && f != UsageField.ACTIVE_CLI_SECONDS).toList();

  private final Database db;
  private final String remember;

  public AdminUsageRemoval(Database db) {
    this.db = db;
    this.remember = db.dialect().insertIfAbsent("removed_admin_usage", List.of("org_id", "usage_day", "actor_type", "actor"),
        List.of("org_id", "usage_day", "actor_type", "actor", "removal_id"),
        List.of("BIGINT", "DATE", "VARCHAR(20)", "VARCHAR(512)", "BIGINT"));
  }

  /** An actor of the Admin API: a user by email, or an API key by name. */
  public record Actor(ActorType type, String name) implements Comparable<Actor> {
    @Override
    public int compareTo(Actor o) {
      int c = type.compareTo(o.type);
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  /** Which rows go: of some actors, on UTC days from {@code from} to {@code to}; null: any. */
  public record Filter(Set<Actor> actors, LocalDate from, LocalDate to) {}

  /** What went, or would go; {@code figures} in {@link UsageField} order (active time is never in these rows). */
  public record Outcome(long rows, Set<LocalDate> days, Map<Actor, Long> rowsByActor, double[] figures) {}

  /** Removes the rows the filter names, remembered as taken by {@code removalId}; null: a dry run. */
  public Outcome run(long org, Filter f, Long removalId) {
    if (f.actors() != null && f.actors().isEmpty()) {
      return new Outcome(0, Set.of(), Map.of(), new double[UsageField.count()]);
    }
    List<Object> params = new ArrayList<>(List.of(org));
    String where = where(f, params);
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        if (removalId != null) { // a day being fetched now is stored before or after this, never across it
          lock(c, "SELECT org_id FROM anthropic_integrations WHERE org_id = ? FOR UPDATE", org);
        }
        Found found = read(c, where, params, removalId != null);
        if (removalId != null) {
          delete(c, where, params);
          remember(c, org, found.pairs(), removalId);
          DataVersion.bump(c, org, DataVersion.Kind.ADMIN);
        }
        c.commit();
        return found.outcome();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlFailure.unchecked(e);
    }
  }

  private static String where(Filter f, List<Object> params) {
    StringBuilder w = new StringBuilder(" WHERE org_id = ?");
    if (f.from() != null) {
      w.append(" AND usage_day >= ?");
      params.add(f.from());
    }
    if (f.to() != null) {
      w.append(" AND usage_day <= ?");
      params.add(f.to());
    }
    if (f.actors() != null) {
      w.append(" AND (").append(String.join(" OR ", Collections.nCopies(f.actors().size(), "(actor_type = ? AND actor = ?)")))
          .append(')');
      for (Actor a : f.actors()) {
        params.add(a.type().name());
        params.add(a.name());
      }
    }
    return w.toString();
  }

  /** The rows' outcome, and the (day, actor) pairs they were. */
  private record Found(Outcome outcome, Set<List<Object>> pairs) {}

  private static Found read(Connection c, String where, List<Object> params, boolean lock) throws SQLException {
    Set<List<Object>> pairs = new LinkedHashSet<>();
    long rows = 0;
    Set<LocalDate> days = new TreeSet<>();
    Map<Actor, Long> byActor = new TreeMap<>();
    double[] figures = new double[UsageField.count()];
    String columns = String.join(", ", FIELDS.stream().map(UsageField::column).toList());
    try (PreparedStatement ps = FactQueries.prepare(c, "SELECT usage_day, actor_type, actor, " + columns
        + " FROM anthropic_activity" + where + (lock ? " FOR UPDATE" : ""), params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows++;
        LocalDate day = rs.getObject(1, LocalDate.class);
        Actor actor = new Actor(ActorType.valueOf(rs.getString(2)), rs.getString(3));
        days.add(day);
        pairs.add(List.of(day, actor));
        byActor.merge(actor, 1L, Long::sum);
        for (int i = 0; i < FIELDS.size(); i++) {
          figures[FIELDS.get(i).ordinal()] += rs.getDouble(4 + i);
        }
      }
    }
    return new Found(new Outcome(rows, days, byActor, figures), pairs);
  }

  private static void delete(Connection c, String where, List<Object> params) throws SQLException {
    try (PreparedStatement ps = FactQueries.prepare(c, "DELETE FROM anthropic_activity" + where, params)) {
      ps.executeUpdate();
    }
  }

  // the (day, actor) pairs of the rows removed: a day fetched again leaves these actors out
  private void remember(Connection c, long org, Set<List<Object>> pairs, long removalId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(remember)) {
      for (List<Object> p : pairs) {
        Actor a = (Actor) p.get(1);
        ps.setLong(1, org);
        ps.setObject(2, p.get(0));
        ps.setString(3, a.type().name());
        ps.setString(4, a.name());
        ps.setLong(5, removalId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void lock(Connection c, String sql, long org) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, org);
      ps.executeQuery().close();
    }
  }
}
