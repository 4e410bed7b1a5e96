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

      // the other organization's token is answered, with nothing of this organization in the answer
      assertAnswer(as(server, "GET", "/api/v1/developers", null), 200, "{\"developers\":[]}");
      assertAnswer(as(server, "GET", "/api/v1/ingest-tokens", null), 200, "{\"tokens\":[]}");
      assertAnswer(as(server, "GET", "/api/v1/identities/unmatched", null), 200, "{\"unmatched\":[]}");
      assertThat(as(server, "GET", "/api/v1/developers/" + jane, null).statusCode()).isEqualTo(404);
      assertThat(as(server, "POST", "/api/v1/developers/" + jane + "/aliases", "{\"kind\":\"user_id\",\"value\":\"u-x\"}").statusCode())
          .isEqualTo(404);
      assertThat(as(server, "PUT", "/api/v1/developers/" + jane + "/team", "{\"team\":\"Mine now\"}").statusCode()).isEqualTo(404);
      assertThat(as(server, "DELETE", "/api/v1/ingest-tokens/" + ingestId, null).statusCode()).isEqualTo(404);
      HttpResponse<String> report = as(server, "GET", "/api/v1/report?from=2026-01-01&to=2027-12-31&groupBy=org", null);
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.body()).contains("\"key\":\"Other\"").contains("\"commitsByClaudeCode\":null");
      // and this organization still has everything, in the same answers
      assertThat(server.report("2026-01-01", "2027-12-31", "developer").toString()).contains("jane@example.com");
      assertThat(server.report("2026-01-01", "2027-12-31", "org").toString()).contains("\"commitsByClaudeCode\":5");
      assertThat(server.send(server.api("/api/v1/ingest-tokens").GET()).body()).contains(ingestId);
      assertThat(server.send(server.api("/api/v1/developers").GET()).body()).contains("jane@example.com");
    }
  }

  private static void assertAnswer(HttpResponse<String> r, int status, String body) {
    assertThat(r.statusCode()).as(r.uri().getPath()).isEqualTo(status);
    assertThat(r.body()).as(r.uri().getPath()).isEqualTo(body);
  }

  private static HttpResponse<String> as(TestServer server, String method, String path, String body) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + OTHER_TOKEN)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }
}
