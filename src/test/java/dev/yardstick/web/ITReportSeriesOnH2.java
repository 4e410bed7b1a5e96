package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Report by month, repository and team, and the time series, on H2. */
class ITReportSeriesOnH2 extends ReportSeriesContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
