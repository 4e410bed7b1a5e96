package dev.yardstick.ingest.anthropic;

import dev.yardstick.testing.TestDatabases;

/** The Admin API integration on embedded H2. */
class ITAnthropicOnH2 extends AnthropicContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
