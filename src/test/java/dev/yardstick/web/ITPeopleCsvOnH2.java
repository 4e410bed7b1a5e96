package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Developers CSV import and export on embedded H2. */
class ITPeopleCsvOnH2 extends PeopleCsvContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
