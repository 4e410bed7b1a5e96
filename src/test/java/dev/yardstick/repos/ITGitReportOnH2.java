package dev.yardstick.repos;

import dev.yardstick.testing.TestDatabases;

/** Repositories end to end on embedded H2. */
class ITGitReportOnH2 extends GitReportContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
