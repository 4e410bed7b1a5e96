package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** A developer's commit list on a real PostgreSQL. */
class ITDeveloperCommitsOnPostgres extends DeveloperCommitsContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
