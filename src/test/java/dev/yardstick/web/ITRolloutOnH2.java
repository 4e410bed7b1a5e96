package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The rollout tracker on embedded H2. */
class ITRolloutOnH2 extends RolloutContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
