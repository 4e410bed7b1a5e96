package dev.yardstick;

import dev.yardstick.testing.TestDatabases;

class ITDemoTruthOnH2 extends DemoTruthContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
