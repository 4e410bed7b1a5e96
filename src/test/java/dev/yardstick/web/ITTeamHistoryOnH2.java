package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Team history on embedded H2. */
class ITTeamHistoryOnH2 extends TeamHistoryContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
