package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** Report visibility and the minimum group size over real HTTP, on a real PostgreSQL. */
class ITReportPrivacyOnPostgres extends ReportPrivacyContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
