package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The rollout tracker on a real PostgreSQL. */
class ITRolloutOnPostgres extends RolloutContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
