package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.storage.Database;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.CommandProcess;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The commands as an operator runs them beside a running server: a second JVM on the server's
 * embedded H2 file (reached through H2's AUTO_SERVER) or on its PostgreSQL, and then what the
 * running server reports over HTTP.
 */
class ITCommandsBesideServer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final String PEOPLE = """
      email,name,team,team_since,parent_team,manager
      ann@example.com,Ann,Platform,,Engineering,lead@example.com
      bob@example.com,Bob,Payments,2026-03-01,Engineering,
      not-an-email,Nobody,Platform,,,
      cmd@example.com,=cmd|' /C calc'!A0,,,,
      """;
  private static final String EXPORTED = "email,name,team,team_since,parent_team,manager\r\n"
      + "ann@example.com,Ann,Platform,,Engineering,lead@example.com\r\n"
      + "bob@example.com,Bob,Payments,2026-03-01,Engineering,\r\n"
      + "cmd@example.com,\"'=cmd|' /C calc'!A0\",,,,\r\n";

  @Test
  void developersImportAndExport_besideAServerOnTheEmbeddedFile() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-commands");
    try (TestServer server = embedded(dir, Map.of())) {
      developersImportAndExport(server, new CommandProcess(dir), dir);
    }
  }

  @Test
  void developersImportAndExport_besideAServerOnPostgres() throws Exception {
    TestDatabases.Target pg = TestDatabases.postgres();
    Path dir = Files.createTempDirectory("yardstick-commands");
    try (TestServer server = TestServer.start(pg, Map.of("YARDSTICK_DATA_DIR", dir.toString()), Clock.systemUTC())) {
      developersImportAndExport(server, new CommandProcess(dir).env("YARDSTICK_DB_URL", pg.url())
          .env("YARDSTICK_DB_USER", pg.user().orElseThrow()), dir);
    } finally {
      TestDatabases.drop(pg);
    }
  }

  private static void developersImportAndExport(TestServer server, CommandProcess command, Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("people.csv"), PEOPLE);

    CommandProcess.Result imported = command.run("developers", "import", file.toString());
    CommandProcess.Result exported = command.run("developers", "export", dir.resolve("out.csv").toString());
    CommandProcess.Result printed = command.run("developers", "export");

    assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(1); // one line skipped
    assertThat(imported.out()).isEqualTo("created 3, updated 0, teams created 3\n");
    assertThat(imported.err()).contains("skipped line 4: \"not-an-email\" is not an email address\n");
    assertThat(exported.exitCode()).as(exported.toString()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv"))).isEqualTo(EXPORTED);
    assertThat(printed.out()).isEqualTo(EXPORTED);
    eventually(() -> server.json("GET", "/api/v1/teams", null).body(), body -> JSON.readTree(body).findValuesAsText("parent")
        .equals(java.util.List.of("null", "Engineering", "Engineering")));
    eventually(() -> server.json("GET", "/api/v1/developers", null).body(), body -> JSON.readTree(body).findValuesAsText("team")
        .equals(java.util.List.of("Platform", "Payments", "null")));
    JsonNode bob = JSON.readTree(server.json("GET", "/api/v1/developers/" + id(server, "bob@example.com"), null).body());
    assertThat(bob.get("memberships").get(0).get("from").asText()).isEqualTo("2026-03-01");
  }

  @Test
  void anthropicSync_besideAServerOnTheEmbeddedFile_storesWhatTheServerThenReports() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-commands");
    AdminDataset data = new AdminDataset(12, 3);
    try (FakeAdminApi fake = new FakeAdminApi(data, 20);
        TestServer server = embedded(dir, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString()))) {
      CommandProcess command = new CommandProcess(dir).env("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString());
      CommandProcess.Result refused = command.run("anthropic", "sync", "--from", TODAY.minusDays(4).toString());
      assertThat(server.json("PUT", "/api/v1/integrations/anthropic", "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY
          + "\",\"backfillFrom\":\"" + TODAY + "\"}").statusCode()).isEqualTo(200);
      // the server's own sync first (the command would find it holding the organization), and then none for an hour
      assertThat(server.json("POST", "/api/v1/integrations/anthropic/sync", null).statusCode()).isIn(202, 409);
      eventually(() -> server.json("GET", "/api/v1/integrations/anthropic", null).body(),
          body -> JSON.readTree(body).path("backfilledThrough").asText().equals(TODAY.toString())
              && !JSON.readTree(body).path("lastRepollAt").isNull()
              && !JSON.readTree(body).path("sync").path("state").asText().equals("running"));

      CommandProcess.Result synced = command.run("anthropic", "sync", "--from", TODAY.minusDays(4).toString(),
          "--to=" + TODAY.minusDays(1));

      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err()).contains("No Admin API key is saved");
      assertThat(synced.exitCode()).as(synced.toString()).isZero();
      assertThat(synced.err()).contains("[##############################] 100%").contains("synced 4 days");
      JsonNode org = server.report(TODAY.minusDays(4).toString(), TODAY.minusDays(1).toString(), "org").get("rows").get(0);
      assertThat(org.get("sessions").asDouble()).isEqualTo(data.totals(TODAY.minusDays(4), TODAY.minusDays(1)).get("sessions"));
    }
  }

  @Test
  void reposAdd_besideAServerOnTheEmbeddedFile_importsWhatTheServerThenReports() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-commands");
    Path roots = Files.createDirectories(dir.resolve("repositories"));
    SmallRepo repo = new SmallRepo(Files.createDirectories(roots.resolve("app")));
    repo.commit("erin@example.com", "a.txt", 12, "first");
    repo.commit("erin@example.com", "a.txt", 3, "second");
    repo.commit("sam@example.com", "b.txt", 4, "third");
    try (TestServer server = embedded(dir, Map.of("YARDSTICK_REPOSITORY_ROOTS", roots.toString()))) {
      server.developer("erin@example.com");
      CommandProcess command = new CommandProcess(dir).env("YARDSTICK_REPOSITORY_ROOTS", roots.toString());

      CommandProcess.Result added = command.run("repos", "add", "--name", "app", "--path", repo.dir.toString());
      CommandProcess.Result listed = command.run("repos", "list");

      assertThat(added.exitCode()).as(added.toString()).isZero();
      assertThat(added.err()).contains("[##############################] 100%").contains("app: 3 new commits");
      assertThat(listed.out()).startsWith("app").contains("following");
      JsonNode repos = JSON.readTree(server.json("GET", "/api/v1/repositories", null).body());
      assertThat(repos.findValuesAsText("name")).containsExactly("app");
      assertThat(repos.findValuesAsText("state")).containsExactly("following");
      Map<String, JsonNode> rows = new HashMap<>();
      server.report("2026-01-01", TODAY.toString(), "developer").get("rows").forEach(r -> rows.put(r.get("key").asText(), r));
      assertThat(rows.get("erin@example.com").get("commits").asLong()).isEqualTo(2);
      assertThat(rows.get("erin@example.com").get("committedLinesAdded").asLong()).isEqualTo(15);
      assertThat(rows.get("unattributed").get("commits").asLong()).isEqualTo(1);
    }
  }

  /** A server on the embedded default of {@code dir}: the file a command started with that data directory opens. */
  private static TestServer embedded(Path dir, Map<String, String> settings) throws Exception {
    Map<String, String> all = new HashMap<>(settings);
    all.put("YARDSTICK_DATA_DIR", dir.toString());
    // the commands run in their own JVM on the real clock, so the server beside them does too
    return TestServer.start(new TestDatabases.Target(Database.embeddedUrl(dir), Optional.empty(), Optional.empty(), null), all,
        Clock.systemUTC());
  }

  private static long id(TestServer server, String email) throws Exception {
    for (JsonNode d : JSON.readTree(server.json("GET", "/api/v1/developers", null).body()).get("developers")) {
      if (d.get("email").asText().equals(email)) {
        return d.get("id").asLong();
      }
    }
    throw new AssertionError("no developer " + email);
  }

  interface Check {
    boolean test(String body) throws Exception;
  }

  /** The server caches who is in which team for up to 10 s, so a change made by another process shows within that. */
  private static void eventually(Callable<String> read, Check check) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    String last = null;
    while (System.nanoTime() < deadline) {
      last = read.call();
      if (check.test(last)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server never showed it; last answer: " + last);
  }
}
