package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.auth.Tokens;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** An API token of one organization never reads or writes another's data. */
class ITOrganizations {
  private static final String OTHER_TOKEN = "other-org-admin-token-0123456789";

  @Test
  void tokenOfAnotherOrganization_seesAndChangesNothingOfThisOne() throws Exception {
    TestDatabases.Target target = TestDatabases.h2();
    try (TestServer server = TestServer.start(target)) {
      try (Database db = new Database(target.url(), target.user(), target.password(), 2)) {
        db.start();
        long other = new OrgStore(db).create("Other", ZoneId.of("UTC"), Instant.now());
        new TokenStore(db).createApiTokenIfAbsent(other, "other", Tokens.sha256(OTHER_TOKEN), "admin", Instant.now());
      }
      String ingest = server.newIngestToken("mine");
      server.developer("jane@example.com");
      long jane = ITIdentityResolution.developerId(server, "jane@example.com");
      ITIdentityResolution.post(server, ingest, ITIdentityResolution.export("jane@example.com", "u-1", "s1", 1_795_000_000L, 5));
      String ingestId = ingest.substring(3, ingest.indexOf(':'));

      assertThat(as(server, "GET", "/api/v1/developers", null).body()).doesNotContain("jane@example.com");
      assertThat(as(server, "GET", "/api/v1/developers/" + jane, null).statusCode()).isEqualTo(404);
      assertThat(as(server, "POST", "/api/v1/developers/" + jane + "/aliases", "{\"kind\":\"user_id\",\"value\":\"u-x\"}").statusCode())
          .isEqualTo(404);
      assertThat(as(server, "PUT", "/api/v1/developers/" + jane + "/team", "{\"team\":\"Mine now\"}").statusCode()).isEqualTo(404);
      assertThat(as(server, "DELETE", "/api/v1/ingest-tokens/" + ingestId, null).statusCode()).isEqualTo(404);
      assertThat(as(server, "GET", "/api/v1/ingest-tokens", null).body()).doesNotContain(ingestId);
      assertThat(as(server, "GET", "/api/v1/identities/unmatched", null).body()).doesNotContain("u-1");
      assertThat(as(server, "GET", "/api/v1/report?from=2026-01-01&to=2027-12-31&groupBy=org", null).body())
          .contains("\"key\":\"Other\"").contains("\"commitsByClaudeCode\":null");
      // and this organization still has everything
      assertThat(server.report("2026-01-01", "2027-12-31", "developer").toString()).contains("jane@example.com");
      assertThat(server.send(server.api("/api/v1/ingest-tokens").GET()).body()).contains(ingestId);
    }
  }

  private static HttpResponse<String> as(TestServer server, String method, String path, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + OTHER_TOKEN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }
}
