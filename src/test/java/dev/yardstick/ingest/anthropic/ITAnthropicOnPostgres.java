package dev.yardstick.ingest.anthropic;

import dev.yardstick.testing.TestDatabases;

/** The Admin API integration on a real PostgreSQL. */
class ITAnthropicOnPostgres extends AnthropicContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
