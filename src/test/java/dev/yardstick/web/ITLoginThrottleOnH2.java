package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Sign-in throttling on the embedded database. */
class ITLoginThrottleOnH2 extends LoginThrottleContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
