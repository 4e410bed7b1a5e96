package dev.yardstick.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.testing.MetricExport;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who sees which report rows, and the minimum group size against differencing, over real HTTP. The organization is
 * planted here (teams, dated memberships, telemetry per person and day); every expected figure comes from that plant
 * and the rule docs/METRICS.md states, never from the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportPrivacyContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate W1 = dev.yardstick.testing.TestClock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(3);
  static final LocalDate W2 = W1.plusWeeks(1);
  static final LocalDate W3 = W1.plusWeeks(2);
  static final LocalDate END = W3.plusDays(6);
  static final String PASSWORD = "a-long-password-1";
  static final String LEAD = "lead@example.com";
  static final String ANA = "ana@example.com";
  static final String UNLINKED = "unlinked";
  /** Teams by member and first day; cai moves from Platform to Payments in week 3. */
  static final Map<String, List<Object[]>> TEAMS = Map.of(
      "ana", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Platform"}),
      "ben", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Platform"}),
      "cai", List.of(new Object[] {W1.minusWeeks(4), "Platform"}, new Object[] {W3, "Payments"}),
      "gus", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Platform"}),
      "dia", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Payments"}),
      "eli", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Payments"}),
      "ivy", List.<Object[]>of(new Object[] {W1.minusWeeks(4), "Data"}),
      "fay", List.of(),
      "hal", List.of());
  static final String[] DEVELOPERS = {"ana", "ben", "cai", "dia", "eli", "fay", "gus", "hal", "ivy"};

  /** One person's Claude Code commits on a day; x1 and x2 are identities no developer claims. */
  record Plant(String who, LocalDate day, int value) {}

  static final List<Plant> PLANTS = List.of(
      new Plant("ana", W1.plusDays(1), 1), new Plant("ben", W1.plusDays(1), 2), new Plant("cai", W1.plusDays(2), 3),
      new Plant("dia", W1.plusDays(1), 4), new Plant("eli", W1.plusDays(2), 5), new Plant("fay", W1.plusDays(1), 6),
      new Plant("hal", W1.plusDays(1), 7), new Plant("x1", W1.plusDays(1), 8), new Plant("ivy", W1.plusDays(1), 9),
      new Plant("ana", W2.plusDays(1), 10), new Plant("ana", W2.plusDays(3), 11), // Thursday: ana alone in Platform
      new Plant("ben", W2.plusDays(1), 12), new Plant("cai", W2.plusDays(1), 13), new Plant("dia", W2.plusDays(1), 14),
      new Plant("fay", W2.plusDays(1), 15), new Plant("hal", W2.plusDays(1), 16), new Plant("x1", W2.plusDays(1), 17),
      new Plant("ivy", W2.plusDays(1), 18),
      new Plant("ana", W3.plusDays(1), 19), new Plant("ben", W3.plusDays(1), 20), new Plant("cai", W3.plusDays(1), 21),
      new Plant("dia", W3.plusDays(1), 22), new Plant("eli", W3.plusDays(1), 23), new Plant("fay", W3.plusDays(1), 24),
      new Plant("x2", W3.plusDays(1), 25), new Plant("ivy", W3.plusDays(1), 26));

  TestDatabases.Target target;
  TestServer server;
  /** The same database served with YARDSTICK_MANAGERS_SEE_INDIVIDUALS=false. */
  TestServer restrictedServer;
  WebClient manager;
  WebClient restrictedManager;
  WebClient developer;
  String orgName;

  abstract TestDatabases.Target newTarget();

  @BeforeAll
  void plant() throws Exception {
    target = newTarget();
    Path dataDir = Files.createTempDirectory("yardstick-privacy");
    server = TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", dataDir.toString()));
    OrgSetup.team(server, "Engineering", null, LEAD);
    for (String t : new String[] {"Platform", "Payments", "Data"}) {
      OrgSetup.team(server, t, "Engineering");
    }
    for (String d : DEVELOPERS) {
      long id = OrgSetup.developer(server, d + "@example.com");
      for (Object[] m : TEAMS.get(d)) {
        OrgSetup.member(server, id, (String) m[1], (LocalDate) m[0]);
      }
    }
    String token = server.newIngestToken("laptops");
    for (Plant p : PLANTS) {
      MetricExport.of(email(p.who()), "s-" + p.who() + "-" + p.day(), p.day()).add("claude_code.commit.count", null, p.value())
          .post(server, token);
    }
    manager = server.account(LEAD, "manager", PASSWORD);
    developer = server.account(ANA, "developer", PASSWORD);
    restrictedServer = TestServer.start(target, Map.of("YARDSTICK_DATA_DIR", dataDir.toString(),
        "YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "false"));
    restrictedManager = new WebClient(restrictedServer);
    assertThat(restrictedManager.signIn(LEAD, PASSWORD).statusCode()).isEqualTo(303);
    orgName = server.report(W1.toString(), END.toString(), "org").get("rows").get(0).get("key").asText();
  }

  @AfterAll
  void stop() throws Exception {
    restrictedServer.close();
    server.close();
    TestDatabases.drop(target);
  }

  static String email(String who) {
    return who.startsWith("x") ? who + "@elsewhere.example" : who + "@example.com";
  }

  static String teamOn(String who, LocalDate day) {
    String team = null;
    for (Object[] m : TEAMS.getOrDefault(who, List.of())) {
      if (!day.isBefore((LocalDate) m[0])) {
        team = (String) m[1];
      }
    }
    return team;
  }

  enum Caller { ADMIN, MANAGER, RESTRICTED_MANAGER, DEVELOPER }

  HttpResponse<String> get(Caller c, LocalDate from, LocalDate to, String groupBy) throws Exception {
    String path = "/api/v1/report?from=" + from + "&to=" + to + "&groupBy=" + groupBy;
    return switch (c) {
      case ADMIN -> server.send(server.api(path).GET());
      case MANAGER -> manager.get(path);
      case RESTRICTED_MANAGER -> restrictedManager.get(path);
      case DEVELOPER -> developer.get(path);
    };
  }

  JsonNode ok(Caller c, LocalDate from, LocalDate to, String groupBy) throws Exception {
    HttpResponse<String> r = get(c, from, to, groupBy);
    assertThat(r.statusCode()).as(c + " " + groupBy + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Each row as "key", "key withheld" or "key -N" (N contributor-weeks left out of its figures). */
  List<String> shape(Caller c, String groupBy) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode r : ok(c, W1, END, groupBy).get("rows")) {
      String key = r.get("key").asText();
      out.add(r.get("withheld").asBoolean() ? key + " withheld"
          : r.path("withheldContributorWeeks").isNumber() ? key + " -" + r.get("withheldContributorWeeks").asInt() : key);
    }
    return out;
  }

  static List<String> days(LocalDate from, LocalDate to) {
    List<String> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d.toString());
    }
    return out;
  }

  static List<String> emails(String... who) {
    return java.util.Arrays.stream(who).map(ReportPrivacyContract::email).toList();
  }

  @Test
  void admin_getsEveryRow_nothingWithheld() throws Exception {
    List<String> devs = new ArrayList<>(emails(DEVELOPERS));
    devs.add("unattributed");
    assertThat(shape(Caller.ADMIN, "developer")).containsExactlyElementsOf(devs);
    assertThat(shape(Caller.ADMIN, "team")).containsExactly("(no team)", "Data", "Engineering", "Payments", "Platform", "unattributed");
    assertThat(shape(Caller.ADMIN, "org")).containsExactly(orgName);
    assertThat(shape(Caller.ADMIN, "day")).containsExactlyElementsOf(days(W1, END));
    assertThat(shape(Caller.ADMIN, "week")).containsExactly(W1.toString(), W2.toString(), W3.toString());
  }

  @Test
  void managerWhoSeesIndividuals_getsTheirTeamsWhole_andTheCompanyWithoutItsSmallOtherCells() throws Exception {
    // the developers of Engineering's teams on the last day, and cai, who was in Platform before
    assertThat(shape(Caller.MANAGER, "developer")).containsExactlyElementsOf(emails("ana", "ben", "cai", "dia", "eli", "gus", "ivy"));
    assertThat(shape(Caller.MANAGER, "team")).containsExactly("Data", "Engineering", "Payments", "Platform");
    // outside the manager's teams: fay, hal and the unlinked data in weeks 1 and 2; only fay and x2 in week 3
    assertThat(shape(Caller.MANAGER, "org")).containsExactly(orgName + " -2");
    assertThat(shape(Caller.MANAGER, "day")).containsExactlyElementsOf(days(W1, END));
    assertThat(shape(Caller.MANAGER, "week")).containsExactly(W1.toString(), W2.toString(), W3.toString());
  }

  @Test
  void managerWhoMayNotSeeIndividuals_getsNoDeveloperOrDayRows_andNoCellOfFewerThanThree() throws Exception {
    assertThat(get(Caller.RESTRICTED_MANAGER, W1, END, "developer").statusCode()).isEqualTo(403);
    HttpResponse<String> day = get(Caller.RESTRICTED_MANAGER, W1, END, "day");
    assertThat(day.statusCode()).isEqualTo(403);
    assertThat(day.body()).contains("groupBy=week");
    // Platform: ana and ben alone in week 3; Payments: dia and eli in week 1, dia in week 2; Data: ivy alone
    assertThat(shape(Caller.RESTRICTED_MANAGER, "team")).containsExactly("Data withheld", "Engineering -8", "Payments -3", "Platform -2");
    assertThat(shape(Caller.RESTRICTED_MANAGER, "org")).containsExactly(orgName + " -10");
    assertThat(shape(Caller.RESTRICTED_MANAGER, "week")).containsExactly(W1 + " -3", W2 + " -2", W3 + " -3");
  }

  @Test
  void developer_getsTheirOwnRowsAndTheCompany_neverATeam() throws Exception {
    assertThat(shape(Caller.DEVELOPER, "developer")).containsExactly(ANA);
    HttpResponse<String> team = get(Caller.DEVELOPER, W1, END, "team");
    assertThat(team.statusCode()).isEqualTo(403);
    assertThat(team.body()).contains("not team reports");
    assertThat(shape(Caller.DEVELOPER, "org")).containsExactly(orgName);
    assertThat(shape(Caller.DEVELOPER, "day")).containsExactlyElementsOf(days(W1, END));
    assertThat(shape(Caller.DEVELOPER, "week")).containsExactly(W1.toString(), W2.toString(), W3.toString());
    long own = 0;
    for (JsonNode r : ok(Caller.DEVELOPER, W1, END, "day").get("rows")) {
      own += r.get("commitsByClaudeCode").asLong(0);
    }
    assertThat(own).isEqualTo(PLANTS.stream().filter(p -> p.who().equals("ana")).mapToLong(Plant::value).sum());
  }

  @Test
  void theOnlyLinkedDeveloper_cannotSubtractThemselvesFromTheCompany() throws Exception {
    TestDatabases.Target other = newTarget();
    try (TestServer s = TestServer.start(other)) {
      OrgSetup.developer(s, "solo@example.com");
      String token = s.newIngestToken("laptops");
      MetricExport.of("solo@example.com", "s-solo", W2.plusDays(1)).add("claude_code.commit.count", null, 1).post(s, token);
      for (int i = 1; i <= 4; i++) { // four identities no developer claims yet: one person's machines, or four people
        MetricExport.of("colleague" + i + "@example.com", "s-" + i, W2.plusDays(1)).add("claude_code.commit.count", null, 10 * i)
            .post(s, token);
      }
      WebClient solo = s.account("solo@example.com", "developer", PASSWORD);
      String path = "/api/v1/report?from=" + W2 + "&to=" + W2.plusDays(6) + "&groupBy=org";
      HttpResponse<String> before = solo.get(path);
      assertThat(before.statusCode()).isEqualTo(200);
      JsonNode hidden = JSON.readTree(before.body()).get("rows").get(0);
      assertThat(hidden.get("withheld").asBoolean()).as(hidden.toString()).isTrue(); // was the total: 101 - 1 = the others'
      assertThat(hidden.get("commitsByClaudeCode").isNull()).isTrue();

      for (int i = 1; i <= 3; i++) { // three of them are now known people besides solo
        OrgSetup.developer(s, "colleague" + i + "@example.com");
      }
      JsonNode shown = JSON.readTree(solo.get(path).body()).get("rows").get(0);
      assertThat(shown.get("withheld").asBoolean()).as(shown.toString()).isFalse();
      assertThat(shown.get("commitsByClaudeCode").asLong()).isEqualTo(1 + 10 + 20 + 30 + 40);
    } finally {
      TestDatabases.drop(other);
    }
  }

  /** Figures of one row for a viewer: the plant's values in the cells that viewer may get, as docs/METRICS.md states. */
  record Expected(Long commits, boolean withheld, Integer leftOutWeeks) {}

  /**
   * @param seen who the viewer sees individually (never left out)
   * @param cellOf the viewer's cell of a plant: the team whose own member made it, or "rest"
   */
  static Expected expected(LocalDate from, LocalDate to, java.util.function.Predicate<Plant> inRow,
      java.util.function.Predicate<Plant> seen, java.util.function.Function<Plant, String> cellOf) {
    LocalDate start = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate end = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    Map<String, Set<String>> contributors = new HashMap<>();
    for (Plant p : PLANTS) {
      if (!seen.test(p)) {
        contributors.computeIfAbsent(cell(p, cellOf), k -> new HashSet<>()).add(p.who().startsWith("x") ? UNLINKED : p.who());
      }
    }
    long sum = 0;
    boolean any = false;
    boolean unseenShown = false;
    Set<String> leftOut = new HashSet<>();
    for (Plant p : PLANTS) {
      if (p.day().isBefore(start) || p.day().isAfter(end) || !inRow.test(p)) {
        continue;
      }
      any = true;
      if (seen.test(p) || contributors.get(cell(p, cellOf)).size() >= 3) {
        sum += p.value();
        unseenShown |= !seen.test(p);
      } else {
        leftOut.add((p.who().startsWith("x") ? UNLINKED : p.who()) + "@" + week(p.day()));
      }
    }
    if (!any) {
      return new Expected(null, false, null);
    }
    if (!unseenShown && !leftOut.isEmpty()) {
      return new Expected(null, true, null);
    }
    return new Expected(sum, false, leftOut.isEmpty() ? null : leftOut.size());
  }

  private static String cell(Plant p, java.util.function.Function<Plant, String> cellOf) {
    return cellOf.apply(p) + "@" + week(p.day());
  }

  private static LocalDate week(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static String ownTeam(Plant p) {
    String t = p.who().startsWith("x") ? null : teamOn(p.who(), p.day());
    return t == null ? "rest" : t;
  }

  static boolean under(Plant p, String team) {
    String t = ownTeam(p);
    return team.equals("Engineering") ? !t.equals("rest") : t.equals(team);
  }

  static void assertRow(JsonNode row, Expected e, String what) {
    assertThat(row.get("withheld").asBoolean()).as(what + " withheld: " + row).isEqualTo(e.withheld());
    assertThat(row.get("commitsByClaudeCode").isNull() ? null : row.get("commitsByClaudeCode").asLong()).as(what + ": " + row)
        .isEqualTo(e.commits());
    assertThat(row.path("withheldContributorWeeks").isNumber() ? row.get("withheldContributorWeeks").asInt() : null)
        .as(what + " left out: " + row).isEqualTo(e.leftOutWeeks());
  }

  static JsonNode row(JsonNode report, String key) {
    for (JsonNode r : report.get("rows")) {
      if (r.get("key").asText().equals(key)) {
        return r;
      }
    }
    throw new AssertionError("no row " + key + " in " + report);
  }

  @Test
  void overlappingWindows_doNotIsolateOneDevelopersDay() throws Exception {
    // Monday to Thursday against Monday to Wednesday of week 2: the old answer differed by ana's Thursday alone
    JsonNode thu = ok(Caller.RESTRICTED_MANAGER, W2, W2.plusDays(3), "team");
    JsonNode wed = ok(Caller.RESTRICTED_MANAGER, W2, W2.plusDays(2), "team");
    for (JsonNode r : new JsonNode[] {thu, wed}) {
      assertThat(r.get("from").asText()).isEqualTo(W2.toString());
      assertThat(r.get("to").asText()).isEqualTo(W2.plusDays(6).toString());
    }
    long difference = row(thu, "Platform").get("commitsByClaudeCode").asLong() - row(wed, "Platform").get("commitsByClaudeCode").asLong();
    assertThat(difference).isZero();
    assertThat(row(thu, "Platform").get("commitsByClaudeCode").asLong()).isEqualTo(10 + 11 + 12 + 13);

    // weeks 1-3 against weeks 1-2: the old answer differed by ana and ben's week 3, a group of two
    JsonNode three = ok(Caller.RESTRICTED_MANAGER, W1, END, "team");
    JsonNode two = ok(Caller.RESTRICTED_MANAGER, W1, W2.plusDays(6), "team");
    assertThat(row(three, "Platform").get("commitsByClaudeCode").asLong())
        .isEqualTo(row(two, "Platform").get("commitsByClaudeCode").asLong()).isEqualTo(1 + 2 + 3 + 10 + 11 + 12 + 13);
    // a parent less its teams leaves nothing that was left out of them
    assertThat(row(three, "Engineering").get("commitsByClaudeCode").asLong()).isEqualTo(
        row(three, "Platform").get("commitsByClaudeCode").asLong() + row(three, "Payments").get("commitsByClaudeCode").asLong());
  }

  @Test
  void everyWindow_restrictedViewersGetOnlyWholeWeeksOfLargeEnoughCells() throws Exception {
    for (LocalDate from = W1; !from.isAfter(END); from = from.plusDays(1)) {
      for (LocalDate to = from; !to.isAfter(END); to = to.plusDays(1)) {
        String window = " over " + from + ".." + to;
        JsonNode teams = ok(Caller.RESTRICTED_MANAGER, from, to, "team");
        for (String team : new String[] {"Engineering", "Platform", "Payments", "Data"}) {
          assertRow(row(teams, team), expected(from, to, p -> under(p, team), p -> false, ReportPrivacyContract::ownTeam),
              team + window);
        }
        JsonNode org = ok(Caller.RESTRICTED_MANAGER, from, to, "org").get("rows").get(0);
        assertRow(org, expected(from, to, p -> true, p -> false, ReportPrivacyContract::ownTeam), "manager's org" + window);
        JsonNode seenByAna = ok(Caller.DEVELOPER, from, to, "org").get("rows").get(0);
        assertRow(seenByAna, expected(from, to, p -> true, p -> p.who().equals("ana"), p -> "rest"), "ana's org" + window);
      }
    }
  }
}
