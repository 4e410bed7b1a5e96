package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A contract run once per database: each test gets a fresh one ({@link #target}), dropped afterwards. */
abstract class OnEveryDatabase {
  TestDatabases.Target target;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void newDatabase() {
    target = newTarget();
  }

  @AfterEach
  void dropDatabase() {
    TestDatabases.drop(target);
  }
}
