package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Ingest tokens on embedded H2. */
class ITIngestTokensOnH2 extends IngestTokenContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
