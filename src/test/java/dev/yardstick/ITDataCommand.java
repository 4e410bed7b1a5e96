package dev.yardstick;

import static dev.yardstick.testing.UsageExports.Usage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.storage.Database;
import dev.yardstick.testing.CommandProcess;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.UsageExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * `data remove` and `data removals` as a second process beside a running server on the embedded file
 * database: the dry run prints what the test planted and changes nothing, the run removes exactly it
 * (the server's reports show it at once), and the audit log names the command line.
 */
class ITDataCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final LocalDate D1 = TODAY.minusDays(3);
  private static final LocalDate D2 = TODAY.minusDays(2);

  @Test
  void removesBesideARunningServer_onTheEmbeddedFile_andTheAuditLogNamesTheCommandLine() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-data-cli");
    TestDatabases.Target file = new TestDatabases.Target(Database.embeddedUrl(dir), Optional.empty(), Optional.empty(), null);
    Map<String, String> cli = Map.of("YARDSTICK_DATA_DIR", dir.toString());
    // the command runs in its own JVM on the real clock, so the server beside it does too
    try (TestServer server = TestServer.start(file, cli, java.time.Clock.systemUTC())) {
      String laptops = server.newIngestToken("laptops");
      String leaked = server.newIngestToken("leaked");
      server.developer("alice@example.com");
      post(server, laptops, "alice@example.com", "a1", D1, new Usage(10, 0.5, 100));
      post(server, laptops, "bob@example.com", "c1", D1, new Usage(7, 0.125, 30));
      List<String> honest = reports(server);
      post(server, leaked, "alice@example.com", "b1", D1, new Usage(4000, 25.0, 50_000));
      post(server, leaked, "mallory@evil.example", "b2", D2, new Usage(3000, 12.0, 1_000));
      List<String> poisoned = reports(server);
      String leakedId = UsageExports.tokenId(leaked);
      CommandProcess command = new CommandProcess(dir);

      CommandProcess.Result dry = command.run("data", "remove", "--token", leakedId, "--dry-run");

      assertThat(dry.exitCode()).as(dry.err()).isZero();
      assertThat(dry.out().replaceAll("identity \\d+ ", "identity # ")).isEqualTo("""
          Dry run: this is what would go; nothing was removed (removal 1 in the audit log).
          Telemetry: 2 fact groups (6 points, 0 events) on 2 days from %s to %s; 2 day rows rebuilt
            ingest token %s (leaked): 2 fact groups
            identity # email=alice@example.com (developer alice@example.com): 1 fact group
            identity # email=mallory@evil.example: 1 fact group
            figures that go down: aiLinesAdded 7000, costUsd 37.0, tokens.input 51000
          """.formatted(D1, D2, leakedId));
      assertThat(reports(server)).isEqualTo(poisoned);

      CommandProcess.Result run = command.run("data", "remove", "--token=tk_" + leakedId, "--json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode done = JSON.readTree(run.out());
      assertThat(done.get("dryRun").asBoolean()).isFalse();
      assertThat(done.get("telemetry").get("factGroups").asLong()).isEqualTo(2);
      assertThat(done.get("telemetry").get("figures").get("aiLinesAdded").asLong()).isEqualTo(7000);
      assertThat(reports(server)).isEqualTo(honest);

      JsonNode log = JSON.readTree(server.send(server.api("/api/v1/data/removals").GET()).body()).get("removals");
      assertThat(log).hasSize(2);
      for (JsonNode entry : log) {
        assertThat(entry.get("by").toString())
            .isEqualTo("{\"kind\":\"cli\",\"id\":null,\"name\":\"" + System.getProperty("user.name") + "\"}");
      }
      assertThat(log.get(0).toString()).isEqualTo(JSON.readTree(run.out()).toString());

      CommandProcess.Result empty = command.run("data", "remove", "--dry-run");
      assertThat(empty.exitCode()).isEqualTo(2);
      assertThat(empty.err()).startsWith("a removal needs a filter: ingestToken, identity, developerId, from or to");
      CommandProcess.Result list = command.run("data", "removals");
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(list.out().lines().map(l -> l.substring(0, l.indexOf(' ')) + l.substring(l.indexOf(" by "))).toList())
          .containsExactly(
              "#2 by cli " + System.getProperty("user.name") + ": removed 2 fact groups with {ingestToken=" + leakedId
                  + ", identity=null, developerId=null, from=null, to=null, sources=[telemetry], all=false}",
              "#1 by cli " + System.getProperty("user.name") + ": dry run, would remove 2 fact groups with {ingestToken="
                  + leakedId + ", identity=null, developerId=null, from=null, to=null, sources=[telemetry], all=false}");
    }
  }

  private static void post(TestServer server, String token, String email, String session, LocalDate day, Usage u)
      throws Exception {
    var r = UsageExports.post(server, token, "metrics",
        UsageExports.metrics(email, session, day.atTime(10, 0).toEpochSecond(ZoneOffset.UTC), u));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static List<String> reports(TestServer server) throws Exception {
    List<String> out = new ArrayList<>();
    for (String groupBy : List.of("developer", "day", "org")) {
      out.add(server.report(TODAY.minusDays(10).toString(), TODAY.toString(), groupBy).toString());
    }
    return out;
  }
}
