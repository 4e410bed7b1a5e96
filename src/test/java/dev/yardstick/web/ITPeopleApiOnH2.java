package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Teams and identity endpoints on embedded H2. */
class ITPeopleApiOnH2 extends PeopleApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
