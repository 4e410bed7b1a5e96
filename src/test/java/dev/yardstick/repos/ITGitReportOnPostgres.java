package dev.yardstick.repos;

import dev.yardstick.testing.TestDatabases;

/** Repositories end to end on a real PostgreSQL. */
class ITGitReportOnPostgres extends GitReportContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
