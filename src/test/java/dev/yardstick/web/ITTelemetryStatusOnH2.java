package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;

/** Developers' telemetry status and live check on embedded H2. */
class ITTelemetryStatusOnH2 extends TelemetryStatusContract {
  @Override
  TestDatabases.Target newTarget() {
    return TestDatabases.h2();
  }
}
