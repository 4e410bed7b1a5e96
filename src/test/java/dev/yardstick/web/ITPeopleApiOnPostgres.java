package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Teams and identity endpoints on a real PostgreSQL. */
class ITPeopleApiOnPostgres extends PeopleApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
