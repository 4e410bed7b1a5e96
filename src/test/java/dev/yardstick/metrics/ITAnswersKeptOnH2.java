package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** Kept answers on the embedded H2 (two servers on one file, as the CLI beside a server). */
class ITAnswersKeptOnH2 extends AnswersKeptContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
