package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Report by month, repository and team, and the time series, on a real PostgreSQL. */
class ITReportSeriesOnPostgres extends ReportSeriesContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
