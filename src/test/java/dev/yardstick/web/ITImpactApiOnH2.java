package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The impact API on H2. */
class ITImpactApiOnH2 extends ImpactApiContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
