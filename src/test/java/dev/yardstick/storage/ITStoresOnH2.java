package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The storage contract on embedded H2. */
class ITStoresOnH2 extends StoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
