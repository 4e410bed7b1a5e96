package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.Config;
import dev.yardstick.storage.Database;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bulk import and export of developers as CSV, through the API and the command line. */
class ITPeopleCsv {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CSV = """
      email,name,team,manager
      Jane@Example.com,Jane Doe,Platform,lead@example.com
      omar@example.com,"Omar, the second",Payments,
      not-an-email,Nobody,Platform,
      """;

  @Test
  void importThroughTheApi_createsDevelopersTeamsAndManagers_andExportGivesThemBack() throws Exception {
    try (TestServer server = TestServer.start(TestDatabases.h2())) {
      JsonNode result = JSON.readTree(server.send(server.api("/api/v1/developers/import").header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString(CSV))).body());
      JsonNode again = JSON.readTree(server.send(server.api("/api/v1/developers/import").header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString(CSV.replace("Jane Doe", "Jane D.")))).body());
      String export = server.send(server.api("/api/v1/developers/export").GET()).body();

      assertThat(result.get("created").asInt()).isEqualTo(2);
      assertThat(result.get("teamsCreated").asInt()).isEqualTo(2);
      assertThat(result.get("errors").get(0).asText()).contains("line 4").contains("not-an-email");
      assertThat(again.get("created").asInt()).isZero();
      assertThat(again.get("updated").asInt()).isEqualTo(1);
      assertThat(export).isEqualTo("email,name,team,manager\r\njane@example.com,Jane D.,Platform,lead@example.com\r\n"
          + "omar@example.com,\"Omar, the second\",Payments,\r\n");
      assertThat(server.send(server.api("/api/v1/teams").GET()).body()).contains("\"managers\":[\"lead@example.com\"]");
    }
  }

  @Test
  void importFromTheCommandLine_besideARunningServer() throws Exception {
    Path data = Files.createTempDirectory("yardstick-csv");
    String url = Database.embeddedUrl(data);
    try (TestServer server = TestServer.start(new TestDatabases.Target(url, Optional.empty(), Optional.empty(), null))) {
      Path file = data.resolve("people.csv");
      Files.writeString(file, CSV);

      int exit = invoke(List.of("import", file.toString()), Config.fromEnv(Map.of("YARDSTICK_DB_URL", url)));

      assertThat(exit).isEqualTo(1); // one line was skipped
      assertThat(server.send(server.api("/api/v1/developers").GET()).body()).contains("jane@example.com", "omar@example.com");
    }
  }

  private static int invoke(List<String> args, Config config) throws Exception {
    var m = Class.forName("dev.yardstick.Commands").getDeclaredMethod("developers", List.class, Config.class);
    m.setAccessible(true);
    return (int) m.invoke(null, args, config);
  }
}
