package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The people and accounts storage contract on embedded H2. */
class ITPeopleStoreOnH2 extends PeopleStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
