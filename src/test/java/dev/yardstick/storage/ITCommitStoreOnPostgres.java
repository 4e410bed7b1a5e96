package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The commit storage contract on a real PostgreSQL. */
class ITCommitStoreOnPostgres extends CommitStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
