package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** First-start setup on a real PostgreSQL, where servers share the database. */
class ITSetupOnPostgres extends SetupContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
