package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * `demo` at a small size into a fresh H2 and a fresh PostgreSQL database; then a real server on that
 * database answers, per developer, the sums of the truth file the command wrote; a second run refuses.
 */
class ITDemoCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] USAGE = {"sessions", "aiLinesAdded", "editsAccepted"};

  @Test
  void fillsAFreshH2_andTheReportEqualsTheTruth() throws Exception {
    check(TestDatabases.h2());
  }

  @Test
  void fillsAFreshPostgres_andTheReportEqualsTheTruth() throws Exception {
    TestDatabases.Target pg = TestDatabases.postgres();
    try {
      check(pg);
    } finally {
      TestDatabases.drop(pg);
    }
  }

  private static void check(TestDatabases.Target db) throws Exception {
    Path dir = Files.createTempDirectory("yardstick-demo");
    Map<String, String> env = CliTest.env(dir.resolve("data"), db);
    CliTest.Run first = CliTest.run(env, "demo", "--developers", "12", "--days", "35", "--end", "2026-03-01", "--seed", "7");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("telemetry:", "git-import:", "demo ready in", "the first `serve` prints a setup code");
    JsonNode truth = JSON.readTree(dir.resolve("data/demo-truth.json").toFile());
    DemoTruth planted = new DemoTruth(truth);

    Map<String, String> server = Map.of("YARDSTICK_DATA_DIR", env.get("YARDSTICK_DATA_DIR"));
    try (TestServer s = TestServer.start(db, server)) {
      JsonNode report = s.report("2026-01-26", "2026-03-01", "developer");
      int developersWithCommits = 0;
      for (JsonNode dev : truth.get("developers")) {
        String email = dev.get("email").asText();
        JsonNode row = row(report, email);
        Map<String, Double> expected = planted.sums(d -> d.get("developer").asText().equals(email),
            c -> c.get("author").asText().equals(email));
        for (String f : USAGE) {
          assertThat(row.get(f).asLong()).as(email + " " + f).isEqualTo(expected.getOrDefault(f, 0.0).longValue());
        }
        for (String t : DemoTruth.TOKENS) {
          assertThat(row.path("tokens").path(t).asLong()).as(email + " " + t).isEqualTo(expected.getOrDefault(t, 0.0).longValue());
        }
        assertThat(row.get("costUsd").asDouble()).as(email + " cost").isCloseTo(expected.getOrDefault("costUsd", 0.0), within(1e-5));
        assertThat(row.get("sessions").isNull()).as(email + " without usage has none").isEqualTo(!expected.containsKey("sessions"));
        assertThat(row.get("commits").asLong()).as(email + " commits").isEqualTo(expected.getOrDefault("commits", 0.0).longValue());
        assertThat(row.get("committedLinesAdded").asLong()).as(email + " lines")
            .isEqualTo(expected.getOrDefault("committedLinesAdded", 0.0).longValue());
        assertThat(row.get("aiCoAuthoredCommits").asLong()).as(email + " co-authored")
            .isEqualTo(expected.getOrDefault("aiCoAuthoredCommits", 0.0).longValue());
        developersWithCommits += expected.containsKey("commits") ? 1 : 0;
      }
      assertThat(developersWithCommits).isGreaterThan(6);
    }

    Path other = dir.resolve("again");
    CliTest.Run second = CliTest.run(env, "demo", "--developers", "12", "--days", "35", "--repository", other.resolve("repo").toString(),
        "--truth", other.resolve("truth.json").toString());
    assertThat(second.code()).isEqualTo(1);
    assertThat(second.err()).contains("the database already holds data (developers, teams, telemetry");
    assertThat(other).doesNotExist();
  }

  private static JsonNode row(JsonNode report, String key) {
    for (JsonNode r : report.get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + key + " in " + report);
  }
}
