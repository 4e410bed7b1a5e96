package dev.yardstick.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit log of data removals (dry runs too): who, when, the filter, and what went. */
public final class RemovalLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String COLUMNS = "id, requested_at, finished_at, by_kind, by_id, by_name, dry_run, filter_json, state,"
      + " outcome_json, error";

  private final Database db;

  public RemovalLog(Database db) {
    this.db = db;
  }

  /**
   * Who asked for a removal.
   *
   * @param kind user, api_token or cli
   * @param id the user's or token's id; null from the command line
   * @param name the user's email, the token's name, or the operating-system user of the command line
   */
  public record By(String kind, String id, String name) {}

  /**
   * One removal.
   *
   * @param state running, done or failed
   * @param outcome what went (or would go), by source; null until done
   */
  public record Entry(long id, Instant requestedAt, Instant finishedAt, By by, boolean dryRun, Map<String, Object> filter,
      String state, Map<String, Object> outcome, String error) {}

  /** Records a removal as it starts; its id is what the removed data is marked with. */
  public long start(long orgId, By by, boolean dryRun, Map<String, Object> filter, Instant now) {
    return db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO data_removals (org_id, requested_at, by_kind, by_id, by_name,"
            + " dry_run, filter_json, state, fact_groups, admin_rows) VALUES (:org, :now, :kind, :byId, :name, :dry, :filter,"
            + " 'running', 0, 0)")
        .bind("org", orgId).bind("now", AnthropicStore.utc(now)).bind("kind", by.kind()).bind("byId", by.id())
        .bind("name", cut(by.name(), 512)).bind("dry", dryRun).bind("filter", write(filter))
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  public void finish(long id, long factGroups, long adminRows, Map<String, Object> outcome, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE data_removals SET state = 'done', finished_at = :now, fact_groups = :groups,"
            + " admin_rows = :rows, outcome_json = :outcome WHERE id = :id")
        .bind("now", AnthropicStore.utc(now)).bind("groups", factGroups).bind("rows", adminRows).bind("outcome", write(outcome))
        .bind("id", id).execute());
  }

  public void fail(long id, String error, Instant now) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE data_removals SET state = 'failed', finished_at = :now, error = :error"
            + " WHERE id = :id")
        .bind("now", AnthropicStore.utc(now)).bind("error", cut(error, 1000)).bind("id", id).execute());
  }

  /** The organization's removals, newest first. */
  public List<Entry> list(long orgId, int limit) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM data_removals WHERE org_id = :org"
            + " ORDER BY id DESC LIMIT :limit")
        .bind("org", orgId).bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
  }

  public Optional<Entry> find(long orgId, long id) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM data_removals WHERE org_id = :org AND id = :id")
        .bind("org", orgId).bind("id", id).map((rs, ctx) -> entry(rs)).findOne());
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    String outcome = rs.getString(10);
    return new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
        AnthropicStore.instant(rs.getObject(3, OffsetDateTime.class)), new By(rs.getString(4), rs.getString(5), rs.getString(6)),
        rs.getBoolean(7), read(rs.getString(8)), rs.getString(9), outcome == null ? null : read(outcome), rs.getString(11));
  }

  private static String write(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a removal's stored JSON cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
