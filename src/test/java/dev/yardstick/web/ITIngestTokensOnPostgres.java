package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Ingest tokens on PostgreSQL. */
class ITIngestTokensOnPostgres extends IngestTokenContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
