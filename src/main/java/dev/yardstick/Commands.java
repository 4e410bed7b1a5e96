package dev.yardstick;

import dev.yardstick.config.Config;
import dev.yardstick.storage.Database;

/** What the commands that work on the configured database directly (beside a running server too) share. */
final class Commands {
  private Commands() {}

  static Database open(Config config) {
    Database db = new Database(config.dbUrl().orElse(Database.embeddedUrl(config.dataDir())), config.dbUser(),
        config.dbPassword(), 2);
    db.start();
    return db;
  }
}
