package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** AI usage % end to end on a real PostgreSQL. */
class ITAiUsageOnPostgres extends AiUsageContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
