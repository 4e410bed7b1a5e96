package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The impact API on a real PostgreSQL. */
class ITImpactApiOnPostgres extends ImpactApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
