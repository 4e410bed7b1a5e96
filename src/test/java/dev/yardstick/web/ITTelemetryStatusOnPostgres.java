package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Developers' telemetry status and live check on a real PostgreSQL. */
class ITTelemetryStatusOnPostgres extends TelemetryStatusContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.postgres();
  }
}
