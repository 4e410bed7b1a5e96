package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** PATCH of teams and developers on a real PostgreSQL. */
class ITPeopleEditsOnPostgres extends PeopleEditsContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
