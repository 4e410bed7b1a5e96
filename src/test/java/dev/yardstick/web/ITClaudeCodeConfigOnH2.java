package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** The Claude Code configuration API on embedded H2. */
class ITClaudeCodeConfigOnH2 extends ClaudeCodeConfigContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
