package dev.yardstick.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The SQL a removal reads facts with (only live ones: a removed group is a key with no content) and
 * marks them removed with. Day bounds also bound the first point's time, so that the primary key's
 * range (organization, earliest time) does the finding.
 */
final class FactQueries {
  private FactQueries() {}

  /** A condition on fact_groups and its parameters. */
  record Where(String sql, List<Object> params) {
    Where and(String condition, Object... values) {
      List<Object> p = new ArrayList<>(params);
      Collections.addAll(p, values);
      return new Where(sql + " AND " + condition, p);
    }

    Where andIn(String column, Collection<?> values) {
      return and(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")", values.toArray());
    }
  }

  static Where live(long org) {
    return new Where("org_id = ? AND removal_id IS NULL", List.of(org));
  }

  /** The groups the filter names: by token, identity and the day of their earliest point or event. */
  static Where target(long org, TelemetryRemoval.Filter f, ZoneId zone) {
    Where w = live(org);
    if (f.tokenId() != null) {
      w = w.and("ingest_token_id = ?", f.tokenId());
    }
    if (f.from() != null) {
      w = w.and("first_day >= ? AND min_time_ns >= ?", f.from(), startNanos(f.from().minusDays(1), zone));
    }
    if (f.to() != null) {
      w = w.and("first_day <= ? AND min_time_ns < ?", f.to(), startNanos(f.to().plusDays(2), zone));
    }
    return f.identityIds() == null ? w : w.andIn("identity_id", f.identityIds());
  }

  /**
   * The live groups that may hold a point or event of an identity on one of its days: those of the
   * identity that start on such a day or at most {@code span} days before it.
   */
  static Where touching(long org, Map<Long, ? extends SortedSet<LocalDate>> days, int span, ZoneId zone) {
    List<String> ranges = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    LocalDate earliest = LocalDate.MAX;
    LocalDate latest = LocalDate.MIN;
    for (Map.Entry<Long, ? extends SortedSet<LocalDate>> e : days.entrySet()) {
      LocalDate from = null;
      LocalDate to = null;
      for (LocalDate d : e.getValue()) { // days a span apart or closer are one range
        if (from != null && d.minusDays(span).isAfter(to.plusDays(1))) {
          range(ranges, params, e.getKey(), from, to, span);
          from = null;
        }
        from = from == null ? d : from;
        to = d;
      }
      range(ranges, params, e.getKey(), from, to, span);
      earliest = earliest.isAfter(e.getValue().first()) ? e.getValue().first() : earliest;
      latest = latest.isBefore(e.getValue().last()) ? e.getValue().last() : latest;
    }
    earliest = earliest.minusDays(span);
    params.addAll(0, List.of(startNanos(earliest.minusDays(1), zone), startNanos(latest.plusDays(2), zone)));
    return live(org).and("min_time_ns >= ? AND min_time_ns < ? AND (" + String.join(" OR ", ranges) + ")", params.toArray());
  }

  private static void range(List<String> ranges, List<Object> params, long identity, LocalDate from, LocalDate to, int span) {
    ranges.add("(identity_id = ? AND first_day >= ? AND first_day <= ? AND (last_day IS NULL OR last_day >= ?))");
    params.addAll(List.of(identity, from.minusDays(span), to, from));
  }

  /** The live metric groups of these identities' sessions (a session id of null included when asked). */
  static Where sessions(long org, Collection<Long> identities, Collection<String> sessions) {
    List<String> named = sessions.stream().filter(s -> s != null).toList();
    String any = sessions.contains(null) ? "session_id IS NULL" : null;
    String in = named.isEmpty() ? null : "session_id IN (" + String.join(", ", Collections.nCopies(named.size(), "?")) + ")";
    String either = any == null ? in : in == null ? any : "(" + in + " OR " + any + ")";
    return live(org).andIn("identity_id", identities).and("signal = 'M' AND " + either, named.toArray());
  }

  /** The keys of the groups, per identity in identity order: what a removal takes, found in one pass. */
  static Map<Long, List<StoredFact.Key>> keysPerIdentity(Connection c, Where w) throws SQLException {
    Map<Long, List<StoredFact.Key>> out = new TreeMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT identity_id, min_time_ns, key_hi, key_lo FROM fact_groups WHERE " + w.sql(),
        w.params()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StoredFact.Key(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return out;
  }

  /** The live groups of these keys, each found by its primary key (in key order) and locked when {@code lock}. */
  static List<StoredFact> read(Connection c, long org, List<StoredFact.Key> keys, boolean lock) throws SQLException {
    List<StoredFact.Key> ordered = new ArrayList<>(keys);
    ordered.sort(StoredFact.Key.ORDER);
    List<StoredFact> out = new ArrayList<>(ordered.size());
    try (PreparedStatement ps = c.prepareStatement("SELECT " + StoredFact.COLUMNS + " FROM fact_groups WHERE " + live(org).sql()
        + " AND min_time_ns = ? AND key_hi = ? AND key_lo = ?" + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, org);
      for (StoredFact.Key k : ordered) {
        ps.setLong(2, k.minTimeNanos());
        ps.setLong(3, k.hi());
        ps.setLong(4, k.lo());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) { // else another removal took it meanwhile
            out.add(StoredFact.read(rs));
          }
        }
      }
    }
    return out;
  }

  /** The groups, read back. */
  static List<StoredFact> read(Connection c, Where w) throws SQLException {
    List<StoredFact> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "SELECT " + StoredFact.COLUMNS + " FROM fact_groups WHERE " + w.sql(), w.params());
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(StoredFact.read(rs));
      }
    }
    return out;
  }

  /** Marks the groups removed and erases their content; their keys stay, so a retry of them is a duplicate. */
  static void remove(Connection c, long org, Collection<StoredFact> facts, long removalId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE fact_groups SET removal_id = ?, payload = '', attributes = '{}',"
        + " session_id = NULL, terminal_type = NULL, app_version = NULL"
        + " WHERE org_id = ? AND min_time_ns = ? AND key_hi = ? AND key_lo = ? AND removal_id IS NULL")) {
      for (StoredFact f : facts) {
        ps.setLong(1, removalId);
        ps.setLong(2, org);
        ps.setLong(3, f.key().minTimeNanos());
        ps.setLong(4, f.key().hi());
        ps.setLong(5, f.key().lo());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /** The first nanosecond of a day, clamped to what a long holds. */
  static long startNanos(LocalDate day, ZoneId zone) {
    long seconds = day.atStartOfDay(zone).toEpochSecond();
    long limit = Long.MAX_VALUE / 1_000_000_000L;
    return seconds > limit ? Long.MAX_VALUE : seconds < -limit ? Long.MIN_VALUE : seconds * 1_000_000_000L;
  }
}
