package dev.yardstick.storage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Organizations: the default one created at first start, and each one's name and time zone. */
public final class OrgStore {
  public static final String DEFAULT_NAME = "Default";
  private final Database db;
  private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();
  private final Map<Long, String> names = new ConcurrentHashMap<>();

  public OrgStore(Database db) {
    this.db = db;
  }

  /** Creates the default organization unless it exists (safe when several servers start at once). */
  public long ensureDefault(Instant now) {
    String sql = db.dialect().insertIfAbsent("orgs", List.of("name"), List.of("name", "time_zone", "created_at"),
        List.of("VARCHAR(200)", "VARCHAR(64)", "TIMESTAMP WITH TIME ZONE"));
    return db.jdbi().inTransaction(h -> {
      h.createUpdate(sql).bind(0, DEFAULT_NAME).bind(1, "UTC").bind(2, now.atOffset(ZoneOffset.UTC)).execute();
      return h.createQuery("SELECT id FROM orgs WHERE name = :name").bind("name", DEFAULT_NAME).mapTo(Long.class).one();
    });
  }

  public long create(String name, ZoneId zone, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO orgs (name, time_zone, created_at) VALUES (:n, :z, :t)")
        .bind("n", name).bind("z", zone.getId()).bind("t", now.atOffset(ZoneOffset.UTC))
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  /** The organization's time zone, which decides what "a day" is in its reports; cached. */
  public ZoneId zone(long orgId) {
    return zones.computeIfAbsent(orgId, id -> db.jdbi().withHandle(h ->
        ZoneId.of(h.createQuery("SELECT time_zone FROM orgs WHERE id = :id").bind("id", id).mapTo(String.class).one())));
  }

  /** The organization's name; cached, as no organization is ever renamed (every report computed names it). */
  public String name(long orgId) {
    return names.computeIfAbsent(orgId, id -> db.jdbi().withHandle(h ->
        h.createQuery("SELECT name FROM orgs WHERE id = :id").bind("id", id).mapTo(String.class).one()));
  }
}
