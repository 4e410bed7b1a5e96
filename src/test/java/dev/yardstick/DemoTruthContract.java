package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ground truth (issue 18): a demo organization loaded by the `demo` command through the real paths, then every figure
 * the HTTP API reports held to what the generator planted (its truth file), by the definitions in docs/METRICS.md:
 * per developer, per team (membership by day, sub-teams included), per week and month, by model, tool and decision
 * source, active users per week, and the sample sizes of the planted team's impact comparison.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoTruthContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] COUNTS = {"sessions", "aiLinesAdded", "aiLinesRemoved", "editsAccepted", "editsRejected",
      "commitsByClaudeCode", "pullRequestsByClaudeCode", "commits", "committedLinesAdded", "committedLinesRemoved",
      "aiCoAuthoredCommits"};

  TestDatabases.Target target;
  TestServer server;
  DemoTruth truth;

  abstract TestDatabases.Target newTarget();

  @BeforeAll
  void loadTheDemo() throws Exception {
    target = newTarget();
    Path dir = Files.createTempDirectory("yardstick-demo-truth");
    Map<String, String> env = CliTest.env(dir.resolve("data"), target);
    CliTest.Run run = CliTest.run(env, "demo", "--developers", "30", "--days", "91", "--end", "2026-06-28", "--seed", "18");
    assertThat(run.code()).as(run.err()).isZero();
    truth = new DemoTruth(JSON.readTree(dir.resolve("data/demo-truth.json").toFile()));
    server = TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", env.get("YARDSTICK_DATA_DIR")));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    TestDatabases.drop(target);
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = server.send(server.api(path));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  String window() {
    return "from=" + truth.first + "&to=" + truth.last;
  }

  static Map<String, JsonNode> byKey(JsonNode rows) {
    Map<String, JsonNode> out = new TreeMap<>();
    rows.forEach(r -> out.put(r.get("key").asText(), r));
    return out;
  }

  /** Counts, tokens, cost, active time, rework and defect rate of a report row against the planted sums. */
  static void holds(JsonNode row, Map<String, Double> expected, String what) {
    boolean usage = expected.containsKey("sessions");
    for (String f : COUNTS) {
      boolean git = f.startsWith("commit") && !f.equals("commitsByClaudeCode") || f.equals("aiCoAuthoredCommits");
      if (!git && !usage) {
        assertThat(row.get(f).isNull()).as(what + " " + f + " without usage is unknown").isTrue();
        continue;
      }
      assertThat(row.get(f).asLong()).as(what + " " + f).isEqualTo(Math.round(expected.getOrDefault(f, 0.0)));
    }
    if (usage) {
      for (String t : DemoTruth.TOKENS) {
        assertThat(row.get("tokens").get(t).asLong()).as(what + " tokens " + t).isEqualTo(Math.round(expected.getOrDefault(t, 0.0)));
      }
      assertThat(row.get("costUsd").asDouble()).as(what + " cost").isCloseTo(expected.getOrDefault("costUsd", 0.0), within(1e-5));
    }
    if (expected.containsKey("activeTimeSeconds")) {
      assertThat(row.get("activeTimeSeconds").asDouble()).as(what + " active time").isCloseTo(expected.get("activeTimeSeconds"), within(1e-3));
    }
    double added = expected.getOrDefault("committedLinesAdded", 0.0);
    if (added > 0) {
      assertThat(row.get("reworkPercent").asDouble()).as(what + " rework %")
          .isCloseTo(100.0 * expected.getOrDefault("reworkedLines", 0.0) / added, within(0.005 + 1e-9));
      assertThat(row.get("defectRate").asDouble()).as(what + " defect rate")
          .isCloseTo(expected.getOrDefault("defectCommits", 0.0) / expected.get("commits"), within(0.00005 + 1e-9));
    }
  }

  @Test
  void everyDevelopersRow_equalsWhatWasPlantedForThem() throws Exception {
    Map<String, JsonNode> rows = byKey(get("/api/v1/report?" + window() + "&groupBy=developer").get("rows"));
    int withBoth = 0;
    for (String email : truth.developers.keySet()) {
      Map<String, Double> expected = truth.sums(d -> d.get("developer").asText().equals(email), c -> c.get("author").asText().equals(email));
      assertThat(rows).as(email).containsKey(email);
      holds(rows.get(email), expected, email);
      withBoth += expected.containsKey("sessions") && expected.containsKey("commits") ? 1 : 0;
    }
    assertThat(withBoth).as("developers with usage and commits: the check covers both").isGreaterThan(10);
    assertThat(truth.developers.values().stream().map(DemoTruth.Developer::source).distinct())
        .as("every source planted").contains("telemetry", "admin-api", "none");
  }

  @Test
  void everyTeamsRow_holdsItsMembersOnTheirDaysInIt_subTeamsIncluded() throws Exception {
    Map<String, JsonNode> rows = byKey(get("/api/v1/report?" + window() + "&groupBy=team").get("rows"));
    for (String team : truth.parents.keySet()) {
      Map<String, Double> expected = truth.sums(
          d -> inTeam(d.get("developer").asText(), DemoTruth.day(d), team), c -> inTeam(c.get("author").asText(), DemoTruth.day(c), team));
      assertThat(rows).as(team).containsKey(team);
      holds(rows.get(team), expected, "team " + team);
    }
  }

  private boolean inTeam(String email, LocalDate day, String team) {
    String t = truth.developers.get(email).teamOn(day);
    return t != null && truth.under(t, team);
  }

  @Test
  void theCompanyByWeekAndByMonth_andTheSeries_holdEachPeriodsPlantedFigures() throws Exception {
    Map<String, JsonNode> weeks = byKey(get("/api/v1/report?" + window() + "&groupBy=week").get("rows"));
    for (LocalDate monday = DemoTruth.monday(truth.first); !monday.isAfter(truth.last); monday = monday.plusDays(7)) {
      LocalDate from = monday.isBefore(truth.first) ? truth.first : monday;
      LocalDate to = monday.plusDays(6).isAfter(truth.last) ? truth.last : monday.plusDays(6);
      Map<String, Double> expected = truth.sums(d -> between(DemoTruth.day(d), from, to), c -> between(DemoTruth.day(c), from, to));
      assertThat(weeks).as("week of " + monday).containsKey(monday.toString()); // a week row is keyed by its Monday
      holds(weeks.get(monday.toString()), expected, "week of " + from);
    }
    JsonNode series = get("/api/v1/timeseries?metric=commits&interval=month&groupBy=org&" + window());
    JsonNode points = series.get("series").get(0).get("points");
    assertThat(points).hasSize(4); // 2026-03-30 to 2026-06-28: March (cut) to June
    for (JsonNode p : points) {
      LocalDate from = LocalDate.parse(p.get("from").asText());
      LocalDate to = LocalDate.parse(p.get("to").asText());
      assertThat(p.get("value").asLong()).as("commits " + p.get("period").asText())
          .isEqualTo(Math.round(truth.sums(d -> false, c -> between(DemoTruth.day(c), from, to)).getOrDefault("commits", 0.0)));
    }
  }

  static boolean between(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  @Test
  void spendByModel_andAcceptanceByToolAndSource_addUpThePlantedDays() throws Exception {
    Map<String, double[]> models = new TreeMap<>();
    Map<String, long[]> tools = new TreeMap<>();
    Map<String, long[]> sources = new TreeMap<>();
    for (JsonNode d : truth.json.get("days")) {
      boolean telemetry = d.get("source").asText().equals("telemetry");
      d.get("models").forEach(m -> {
        double[] v = models.computeIfAbsent(m.get("model").asText(), k -> new double[5]);
        for (int i = 0; i < 4; i++) {
          v[i] += m.get(DemoTruth.TOKENS[i]).asDouble();
        }
        v[4] += m.get("costUsd").asDouble();
      });
      d.get("editDecisions").forEach(e -> {
        int side = e.get("decision").asText().equals("accept") ? 0 : 1;
        tools.computeIfAbsent(e.get("tool").asText(), k -> new long[2])[side] += e.get("count").asLong();
        String source = telemetry ? sourceGroup(e.get("source").asText()) : "(not reported)";
        sources.computeIfAbsent(source, k -> new long[2])[side] += e.get("count").asLong();
      });
    }
    Map<String, JsonNode> spend = new TreeMap<>();
    Map<String, JsonNode> acceptance = new TreeMap<>();
    get("/api/v1/spend?" + window()).get("rows").forEach(r -> spend.put(r.get("dimension").asText() + ":" + r.get("key").asText(), r));
    get("/api/v1/acceptance?" + window()).get("rows").forEach(r -> acceptance.put(r.get("dimension").asText() + ":" + r.get("key").asText(), r));
    assertThat(models).hasSizeGreaterThan(1);
    models.forEach((model, v) -> {
      JsonNode row = spend.get("model:" + model);
      assertThat(row).as(model).isNotNull();
      for (int i = 0; i < 4; i++) {
        assertThat(row.get("tokens").get(DemoTruth.TOKENS[i]).asLong()).as(model + " " + DemoTruth.TOKENS[i]).isEqualTo(Math.round(v[i]));
      }
      assertThat(row.get("costUsd").asDouble()).as(model + " cost").isCloseTo(v[4], within(1e-5));
    });
    assertThat(spend.keySet().stream().filter(k -> k.startsWith("model:"))).hasSize(models.size());
    tools.forEach((tool, n) -> {
      assertThat(acceptance.get("tool:" + tool).get("accepted").asLong()).as(tool).isEqualTo(n[0]);
      assertThat(acceptance.get("tool:" + tool).get("rejected").asLong()).as(tool).isEqualTo(n[1]);
    });
    sources.forEach((source, n) -> {
      assertThat(acceptance.get("source:" + source)).as(source).isNotNull();
      assertThat(acceptance.get("source:" + source).get("accepted").asLong()).as(source).isEqualTo(n[0]);
      assertThat(acceptance.get("source:" + source).get("rejected").asLong()).as(source).isEqualTo(n[1]);
    });
  }

  /** Decision sources as METRICS.md groups them. */
  static String sourceGroup(String s) {
    return switch (s) {
      case "user_permanent", "user_temporary", "user_abort", "user_reject" -> "user";
      case "config", "hook" -> s;
      default -> "other";
    };
  }

  @Test
  void activeUsersPerWeek_areTheDevelopersWithAnyPlantedUse() throws Exception {
    JsonNode answer = get("/api/v1/adoption?" + window() + "&interval=week");
    int checked = 0;
    for (JsonNode r : answer.get("rows")) {
      if (!r.get("dimension").asText().equals("period")) {
        continue;
      }
      JsonNode p = r.get("period");
      LocalDate from = LocalDate.parse(p.get("from").asText());
      LocalDate to = LocalDate.parse(p.get("to").asText());
      assertThat(p.get("activeUsers").asInt()).as("active users " + from).isEqualTo(truth.activeIn(from, to).size());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(13);
  }

  @Test
  void thePlantedTeamsLiftComparison_countsTheDevelopersAndWeeksTheDefinitionQualifies() throws Exception {
    String team = truth.json.get("plantedEffect").get("team").asText();
    JsonNode answer = get("/api/v1/impact?" + window() + "&team=" + team);
    LocalDate from = LocalDate.parse(answer.get("from").asText());
    LocalDate to = LocalDate.parse(answer.get("to").asText());
    DemoImpact.Expected e = DemoImpact.highVsLow(truth, team, from, to);
    JsonNode c = answer.get("highVsLowAi").get("commitsPerWeek");
    System.out.printf("planted team %s: %d developers counted, lift in commits per week %s%% [%s, %s] (planted +%s%%)%n", team,
        e.developers(), c.get("estimate"), c.get("low"), c.get("high"), truth.json.get("plantedEffect").get("commitsAndLinesPercent"));
    assertThat(e.developers()).as("developers the definition counts").isGreaterThanOrEqualTo(5);
    assertThat(c.get("nDevelopers").asInt()).isEqualTo(e.developers());
    assertThat(c.get("nWeeksA").asInt()).isEqualTo(e.highWeeks());
    assertThat(c.get("nWeeksB").asInt()).isEqualTo(e.lowWeeks());
    assertThat(c.get("nCommitsA").asLong()).isEqualTo(e.highCommits());
    assertThat(c.get("nCommitsB").asLong()).isEqualTo(e.lowCommits());
  }
}
