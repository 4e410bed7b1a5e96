package dev.yardstick.web;

import dev.yardstick.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A contract run on every database: each test gets a fresh one (a new H2, or a new PostgreSQL schema dropped afterwards). */
abstract class DatabaseContract {
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
