package dev.yardstick.ingest.anthropic;

import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh database, a fake Admin API over a generated organization, and a data directory, per test. */
abstract class AdminApiFixture {
  TestDatabases.Target target;
  AdminDataset data;
  FakeAdminApi fake;
  Path dataDir;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() throws Exception {
    target = newTarget();
    data = new AdminDataset(40, 7);
    fake = new FakeAdminApi(data, 25);
    dataDir = Files.createTempDirectory("yardstick-anthropic");
  }

  @AfterEach
  void tearDown() {
    fake.close();
    TestDatabases.drop(target);
  }

  TestServer server() throws Exception {
    return TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString(),
        "YARDSTICK_DATA_DIR", dataDir.toString()));
  }
}
