package dev.yardstick;

import dev.yardstick.testing.TestDatabases;

class ITDemoTruthOnPostgres extends DemoTruthContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
