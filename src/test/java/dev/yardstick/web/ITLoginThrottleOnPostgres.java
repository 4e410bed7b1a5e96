package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Sign-in throttling on a real PostgreSQL, shared by servers. */
class ITLoginThrottleOnPostgres extends LoginThrottleContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
