package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.MetricExport;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kept answers (reports, series, breakdowns, comparisons) over real HTTP, with two servers on one database: what one
 * server writes, the other's next answer shows. Expected figures are the exports the test sends, summed.
 */
abstract class AnswersKeptContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = TestClock.today();
  static final LocalDate FROM = TODAY.minusDays(6);
  TestDatabases.Target target;
  TestServer writer;
  TestServer reader;
  String token;
  int session;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void start() throws Exception {
    target = newTarget();
    Path dir = Files.createTempDirectory("yardstick-answers");
    writer = TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", dir.toString()));
    reader = TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", dir.toString()));
    OrgSetup.team(writer, "Web", null);
    OrgSetup.member(writer, OrgSetup.developer(writer, "ana@example.com"), "Web", FROM.minusDays(30));
    token = writer.newIngestToken("laptops");
  }

  @AfterEach
  void stop() throws Exception {
    reader.close();
    writer.close();
    TestDatabases.drop(target);
  }

  void send(LocalDate day, int commits, int accepted) throws Exception {
    MetricExport.of("ana@example.com", "s" + session++, day).add("claude_code.commit.count", null, commits)
        .add("claude_code.code_edit_tool.decision", null, accepted).post(writer, token);
  }

  JsonNode get(String path) throws Exception {
    var r = reader.send(reader.api(path).GET());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  long commits(String groupBy) throws Exception {
    long sum = 0;
    for (JsonNode row : get("/api/v1/report?from=" + FROM + "&to=" + TODAY + "&groupBy=" + groupBy).get("rows")) {
      sum += groupBy.equals("team") && !row.get("key").asText().equals("Web") ? 0 : row.path("commitsByClaudeCode").asLong();
    }
    return sum;
  }

  double seriesTotal() throws Exception {
    double sum = 0;
    JsonNode s = get("/api/v1/timeseries?metric=commitsByClaudeCode&interval=day&groupBy=org&from=" + FROM + "&to=" + TODAY);
    for (JsonNode p : s.get("series").get(0).get("points")) {
      sum += p.path("value").asDouble();
    }
    return sum;
  }

  @Test
  void exportsArrivingAtAnotherServer_showInTheNextAnswer_ofEveryKind() throws Exception {
    send(TODAY, 2, 3);
    send(TODAY.minusDays(3), 1, 0);
    assertThat(commits("org")).isEqualTo(3);
    assertThat(commits("team")).isEqualTo(3);
    assertThat(commits("developer")).isEqualTo(3);
    assertThat(seriesTotal()).isEqualTo(3);
    assertThat(commits("org")).isEqualTo(3); // asked again: the same answer

    send(TODAY, 5, 4); // a day already counted, through the other server
    send(TODAY.minusDays(1), 7, 0); // a day that had no row
    assertThat(commits("org")).isEqualTo(15);
    assertThat(commits("team")).isEqualTo(15);
    assertThat(commits("developer")).isEqualTo(15);
    assertThat(seriesTotal()).isEqualTo(15);
  }
}
