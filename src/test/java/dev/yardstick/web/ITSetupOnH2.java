package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** First-start setup on the embedded database. */
class ITSetupOnH2 extends SetupContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
