package dev.yardstick.metrics;

import dev.yardstick.testing.TestDatabases;

/** Kept answers on a real PostgreSQL. */
class ITAnswersKeptOnPostgres extends AnswersKeptContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
