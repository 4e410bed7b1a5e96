package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Team history on a real PostgreSQL. */
class ITTeamHistoryOnPostgres extends TeamHistoryContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
