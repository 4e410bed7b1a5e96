package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The plausibility contract on PostgreSQL. */
class ITPlausibilityOnPostgres extends PlausibilityContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
