package dev.yardstick.storage;

import java.util.List;
import java.util.Optional;

/** Values the installation keeps for itself (not per organization). */
public final class InstanceSettings {
  private final Database db;

  public InstanceSettings(Database db) {
    this.db = db;
  }

  public Optional<String> get(String name) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT setting FROM instance_settings WHERE name = :n")
        .bind("n", name).mapTo(String.class).findOne());
  }

  /** Stores the value unless one is there already (two servers starting at once keep the first). */
  public void putIfAbsent(String name, String value) {
    String sql = db.dialect().insertIfAbsent("instance_settings", List.of("name"), List.of("name", "setting"),
        List.of("VARCHAR(100)", "VARCHAR(4000)"));
    db.jdbi().useHandle(h -> h.createUpdate(sql).bind(0, name).bind(1, value).execute());
  }
}
