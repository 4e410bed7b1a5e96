package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.MetricExport;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AI usage % end to end: accepted lines arrive as real OTLP exports, committed lines from a generated git repository
 * followed through the API, both resolving to the same developers and team; every figure is computed here from what
 * was planted.
 */
abstract class AiUsageContract {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Two whole weeks in the past (telemetry must be recent), Monday to Sunday. */
  static final LocalDate W1 = dev.yardstick.testing.TestClock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2);
  static final LocalDate W2 = W1.plusWeeks(1);
  static final String ALICE = "alice@example.com";
  static final String BOB = "bob@example.com";
  static final String CAROL = "carol@example.com";
  static final String ERIN = "erin@example.com";
  static final String FRANK = "frank@example.com";

  TestDatabases.Target target;
  TestServer server;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void plant() throws Exception {
    target = newTarget();
    server = TestServer.start(target);
    OrgSetup.team(server, "Platform", null);
    for (String who : new String[] {ALICE, BOB, CAROL}) {
      OrgSetup.member(server, OrgSetup.developer(server, who), "Platform", W1.minusWeeks(4));
    }
    OrgSetup.developer(server, ERIN);
    OrgSetup.developer(server, FRANK);
    String token = server.newIngestToken("laptops");
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-ai-usage"));
    // alice: 40 accepted and 100 committed in week 1, 30 and 50 in week 2
    accepted(token, ALICE, W1.plusDays(1), 40);
    committed(repo, ALICE, W1.plusDays(2), 100);
    accepted(token, ALICE, W2.plusDays(1), 30);
    committed(repo, ALICE, W2.plusDays(3), 50);
    // bob: the case, 200 accepted against 3 committed (his other repositories are not followed)
    accepted(token, BOB, W1.plusDays(1), 200);
    committed(repo, BOB, W1.plusDays(2), 3);
    // carol: 60 accepted on Friday of week 1, committed as 80 lines on Monday of week 2
    accepted(token, CAROL, W1.plusDays(4), 60);
    committed(repo, CAROL, W2, 80);
    // erin commits without telemetry; frank has telemetry without commits
    committed(repo, ERIN, W1.plusDays(3), 20);
    accepted(token, FRANK, W2.plusDays(2), 500);
    OrgSetup.follow(server, "app", repo.dir);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    TestDatabases.drop(target);
  }

  private void accepted(String token, String email, LocalDate day, int lines) throws Exception {
    MetricExport.of(email, "s-" + email + "-" + day, day).add("claude_code.lines_of_code.count", "added", lines)
        .add("claude_code.session.count", null, 1).post(server, token);
  }

  private static void committed(SmallRepo repo, String author, LocalDate day, int lines) throws Exception {
    repo.startingAt(day).commit(author, author.substring(0, author.indexOf('@')) + ".txt", lines, "work of " + day);
  }

  private Map<String, JsonNode> rows(LocalDate from, LocalDate to, String groupBy) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    server.report(from.toString(), to.toString(), groupBy).get("rows").forEach(r -> out.put(r.get("key").asText(), r));
    return out;
  }

  private static double percent(double counted, double committed) {
    return Math.round(10000.0 * counted / committed) / 100.0;
  }

  @Test
  void perDeveloper_acceptedLinesCountAtMostTheCommittedLines_theRestIsReportedBesideIt() throws Exception {
    Map<String, JsonNode> devs = rows(W1, W2.plusDays(6), "developer");

    assertThat(devs.get(ALICE).get("aiUsagePercent").asDouble()).isEqualTo(percent(40 + 30, 100 + 50));
    assertThat(devs.get(ALICE).get("aiLinesBeyondCommitted").asLong()).isZero();
    assertThat(devs.get(ALICE).get("aiExcessDevelopers").asInt()).isZero();
    JsonNode bob = devs.get(BOB);
    assertThat(bob.get("aiLinesAdded").asLong()).isEqualTo(200);
    assertThat(bob.get("committedLinesAdded").asLong()).isEqualTo(3);
    assertThat(bob.get("aiUsagePercent").asDouble()).isEqualTo(100.0); // was 6,666.67
    assertThat(bob.get("aiLinesBeyondCommitted").asLong()).isEqualTo(197);
    assertThat(bob.get("aiExcessDevelopers").asInt()).isEqualTo(1);
    // Friday's accepted lines committed on Monday count: the excess of a week meets the next week's commits
    assertThat(devs.get(CAROL).get("aiUsagePercent").asDouble()).isEqualTo(percent(60, 80));
    assertThat(devs.get(CAROL).get("aiLinesBeyondCommitted").asLong()).isZero();
    for (String without : new String[] {ERIN, FRANK}) {
      assertThat(devs.get(without).get("aiUsagePercent").isNull()).as(without).isTrue();
      assertThat(devs.get(without).get("aiLinesBeyondCommitted").isNull()).as(without).isTrue();
    }
  }

  @Test
  void teamAndCompany_sumCappedLinesOverCommittedLinesOfTheDevelopersWithBoth() throws Exception {
    double expected = percent(70 + 3 + 60, 150 + 3 + 80);
    JsonNode platform = rows(W1, W2.plusDays(6), "team").get("Platform");
    JsonNode org = rows(W1, W2.plusDays(6), "org").values().iterator().next();

    for (JsonNode row : new JsonNode[] {platform, org}) {
      assertThat(row.get("aiUsagePercent").asDouble()).as(row.toString()).isEqualTo(expected); // was 141.63
      assertThat(row.get("aiLinesBeyondCommitted").asLong()).isEqualTo(197);
      assertThat(row.get("aiExcessDevelopers").asInt()).isEqualTo(1);
    }
    assertThat(platform.get("coverage").toString()).isEqualTo("{\"withUsage\":3,\"withCommits\":3,\"withBoth\":3}");
    assertThat(org.get("coverage").toString()).isEqualTo("{\"withUsage\":4,\"withCommits\":4,\"withBoth\":3}");
    assertThat(org.get("aiLinesAdded").asLong()).isEqualTo(40 + 30 + 200 + 60 + 500);
    assertThat(org.get("committedLinesAdded").asLong()).isEqualTo(100 + 50 + 3 + 80 + 20);
  }

  @Test
  void eachWeekRow_capsOverItsOwnDays() throws Exception {
    Map<String, JsonNode> weeks = rows(W1, W2.plusDays(6), "week");

    // week 1: alice 40/100, bob 3 of 200 against 3; carol has no commits that week
    assertThat(weeks.get(W1.toString()).get("aiUsagePercent").asDouble()).isEqualTo(percent(40 + 3, 100 + 3));
    assertThat(weeks.get(W1.toString()).get("aiLinesBeyondCommitted").asLong()).isEqualTo(197);
    // week 2: alice 30/50; carol has no accepted lines that week, frank no commits
    assertThat(weeks.get(W2.toString()).get("aiUsagePercent").asDouble()).isEqualTo(percent(30, 50));
    assertThat(weeks.get(W2.toString()).get("aiLinesBeyondCommitted").asLong()).isZero();
  }

  @Test
  void theDashboard_showsTheSameBoundedFigure() throws Exception {
    WebClient admin = new WebClient(server);
    assertThat(admin.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    String page = admin.get("/").body();

    assertThat(page).contains("<strong class=\"big\">" + percent(70 + 3 + 60, 150 + 3 + 80) + " %</strong>")
        .contains("197 accepted AI lines beyond the committed lines").contains("1 developer flagged");
  }
}
