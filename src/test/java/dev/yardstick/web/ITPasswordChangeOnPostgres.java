package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Password change on a real PostgreSQL. */
class ITPasswordChangeOnPostgres extends PasswordChangeContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
