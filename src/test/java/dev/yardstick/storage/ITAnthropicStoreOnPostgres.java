package dev.yardstick.storage;

import dev.yardstick.testing.TestDatabases;

/** The Admin API storage contract on a real PostgreSQL. */
class ITAnthropicStoreOnPostgres extends AnthropicStoreContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
