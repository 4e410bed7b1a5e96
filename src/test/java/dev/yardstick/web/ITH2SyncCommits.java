package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.storage.Database;
import dev.yardstick.testing.ClaudeCodeExports;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * YARDSTICK_H2_SYNC_COMMITS on the embedded file database, as the server opens it: every export is
 * acknowledged after its commit was forced to disk (CHECKPOINT SYNC, which H2 allows only to an
 * admin: the embedded database's own user is one), and nothing is lost or counted twice.
 */
class ITH2SyncCommits {
  @Test
  void syncedCommits_areAcknowledgedAndStored() throws Exception {
    String url = Database.embeddedUrl(Files.createTempDirectory("yardstick-sync"));
    TestDatabases.Target file = new TestDatabases.Target(url, Optional.empty(), Optional.empty(), "PUBLIC");
    try (TestServer server = TestServer.start(file, Map.of("YARDSTICK_H2_SYNC_COMMITS", "true"))) {
      String token = server.newIngestToken("sync");
      for (int i = 0; i < 20; i++) {
        String body = ClaudeCodeExports.oneCommit("synced@example.com", "s-" + i, 1_795_000_000L + i * 60L);
        assertThat(ITPostgresIngest.post(server, token, body).statusCode()).isEqualTo(200);
        assertThat(ITPostgresIngest.post(server, token, body).statusCode()).isEqualTo(200); // a retry: counted once
      }

      assertThat(ClaudeCodeExports.developerRow(server, "synced@example.com").get("commitsByClaudeCode").asLong()).isEqualTo(20);
    }
  }
}
