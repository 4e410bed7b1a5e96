package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Password change on the embedded database. */
class ITPasswordChangeOnH2 extends PasswordChangeContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
