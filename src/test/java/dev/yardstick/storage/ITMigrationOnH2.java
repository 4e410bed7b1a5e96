package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** Upgrades on embedded H2. */
class ITMigrationOnH2 extends MigrationContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
