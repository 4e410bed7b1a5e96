package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The plausibility contract on embedded H2. */
class ITPlausibilityOnH2 extends PlausibilityContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
