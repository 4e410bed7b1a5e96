package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The commit storage contract on embedded H2. */
class ITCommitStoreOnH2 extends CommitStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
