package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The removal contract on embedded H2. */
class ITRemovalOnH2 extends RemovalContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
