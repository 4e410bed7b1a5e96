package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Adoption, acceptance and spend over HTTP on a real PostgreSQL. */
class ITBreakdownApiOnPostgres extends BreakdownApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
