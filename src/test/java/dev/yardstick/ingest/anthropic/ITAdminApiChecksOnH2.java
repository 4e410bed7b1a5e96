package dev.yardstick.ingest.anthropic;

import dev.yardstick.testing.TestDatabases;

/** The Admin API checks on embedded H2. */
class ITAdminApiChecksOnH2 extends AdminApiChecksContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
