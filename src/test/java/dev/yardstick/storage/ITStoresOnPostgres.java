package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The storage contract on a real PostgreSQL, in a fresh schema per test. */
class ITStoresOnPostgres extends StoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
