package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Removing data over HTTP on a real PostgreSQL, in a fresh schema per test. */
class ITDataRemovalOnPostgres extends DataRemovalContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
