package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** Upgrades on a real PostgreSQL. */
class ITMigrationOnPostgres extends MigrationContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
