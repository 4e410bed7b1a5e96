package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The report cache contract on the embedded H2. */
class ITReportCacheOnH2 extends ReportCacheContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
