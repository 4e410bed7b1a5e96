package dev.yardstick.ingest.anthropic;

import dev.yardstick.testing.TestDatabases;

/** The Admin API checks on PostgreSQL. */
class ITAdminApiChecksOnPostgres extends AdminApiChecksContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
