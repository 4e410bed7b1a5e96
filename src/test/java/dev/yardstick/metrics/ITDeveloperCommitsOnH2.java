package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** A developer's commit list on the embedded H2. */
class ITDeveloperCommitsOnH2 extends DeveloperCommitsContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
