package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The Admin API storage contract on embedded H2. */
class ITAnthropicStoreOnH2 extends AnthropicStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
