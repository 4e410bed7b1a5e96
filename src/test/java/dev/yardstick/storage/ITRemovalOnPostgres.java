package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The removal contract on a real PostgreSQL, in a fresh schema per test. */
class ITRemovalOnPostgres extends RemovalContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
