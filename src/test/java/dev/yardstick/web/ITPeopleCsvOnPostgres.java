package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Developers CSV import and export on a real PostgreSQL. */
class ITPeopleCsvOnPostgres extends PeopleCsvContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
