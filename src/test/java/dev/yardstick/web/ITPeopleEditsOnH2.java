package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** PATCH of teams and developers on embedded H2. */
class ITPeopleEditsOnH2 extends PeopleEditsContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
