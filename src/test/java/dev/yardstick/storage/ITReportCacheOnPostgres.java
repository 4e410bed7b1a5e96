package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The report cache contract on a real PostgreSQL. */
class ITReportCacheOnPostgres extends ReportCacheContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
