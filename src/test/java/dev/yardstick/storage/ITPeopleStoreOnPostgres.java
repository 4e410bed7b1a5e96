package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The people and accounts storage contract on a real PostgreSQL. */
class ITPeopleStoreOnPostgres extends PeopleStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
