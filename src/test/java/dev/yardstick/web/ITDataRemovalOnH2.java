package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Removing data over HTTP on embedded H2. */
class ITDataRemovalOnH2 extends DataRemovalContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
