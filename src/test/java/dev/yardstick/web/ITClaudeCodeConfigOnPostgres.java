package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The Claude Code configuration API on PostgreSQL. */
class ITClaudeCodeConfigOnPostgres extends ClaudeCodeConfigContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
