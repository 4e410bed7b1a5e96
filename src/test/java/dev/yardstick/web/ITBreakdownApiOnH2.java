package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Adoption, acceptance and spend over HTTP on H2. */
class ITBreakdownApiOnH2 extends BreakdownApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
