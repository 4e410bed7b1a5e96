package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** AI usage % end to end on embedded H2. */
class ITAiUsageOnH2 extends AiUsageContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
