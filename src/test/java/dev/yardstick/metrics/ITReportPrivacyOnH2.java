package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** Report visibility and the minimum group size over real HTTP, on embedded H2. */
class ITReportPrivacyOnH2 extends ReportPrivacyContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
