package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.Csv;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The report by month and repository, with a team filter, and the time series, over real HTTP: sessions sent through
 * OTLP, commits in two real git repositories (a fork reaches the first one's commits), in an organization on Tokyo
 * time with days around midnight, a developer moving teams mid-week, one with telemetry and no commits and one with
 * commits and no telemetry. Every figure is computed here from the planted lists.
 */
abstract class ReportSeriesContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final String ANN = "ann@example.com";
  static final String BOB = "bob@example.com"; // Core, then Web from Wednesday 11 November
  static final String CAT = "cat@example.com";
  static final String DAN = "dan@example.com"; // telemetry, no commits
  static final String EVE = "eve@example.com"; // commits, no telemetry
  static final LocalDate MOVE = LocalDate.parse("2026-11-11");
  static final LocalDate FROM = LocalDate.parse("2026-10-26"); // a Monday; four whole weeks
  static final LocalDate TO = LocalDate.parse("2026-11-22");

  record Use(String dev, Instant at, int sessions) {
    LocalDate day() {
      return at.atZone(TOKYO).toLocalDate();
    }
  }

  record Commit(String dev, OffsetDateTime at, int lines, boolean forkOnly) {
    LocalDate day() {
      return at.atZoneSameInstant(TOKYO).toLocalDate();
    }
  }

  static final List<Use> USES = List.of(
      new Use(ANN, Instant.parse("2026-10-31T14:30:00Z"), 1), // 23:30 on Saturday 31 October in Tokyo
      new Use(ANN, Instant.parse("2026-10-31T16:30:00Z"), 2), // 01:30 on Sunday 1 November: the next month, same week
      new Use(DAN, Instant.parse("2026-11-03T03:00:00Z"), 32),
      new Use(BOB, Instant.parse("2026-11-09T03:00:00Z"), 4),
      new Use(ANN, Instant.parse("2026-11-10T03:00:00Z"), 1),
      new Use(BOB, Instant.parse("2026-11-12T03:00:00Z"), 8),
      new Use(CAT, Instant.parse("2026-11-12T03:00:00Z"), 16));

  static final List<Commit> COMMITS = List.of(
      new Commit(ANN, OffsetDateTime.parse("2026-10-31T23:30:00+09:00"), 10, false),
      new Commit(ANN, OffsetDateTime.parse("2026-11-01T00:30:00+09:00"), 20, false),
      new Commit(EVE, OffsetDateTime.parse("2026-11-04T10:00:00+09:00"), 3, false),
      new Commit(BOB, OffsetDateTime.parse("2026-11-09T10:00:00+09:00"), 5, false),
      new Commit(BOB, OffsetDateTime.parse("2026-11-12T10:00:00+09:00"), 7, false),
      new Commit(EVE, OffsetDateTime.parse("2026-11-15T15:30:00Z"), 4, false), // Sunday in London, Monday in Tokyo
      new Commit(CAT, OffsetDateTime.parse("2026-11-12T11:00:00+09:00"), 11, true));

  static String team(String dev, LocalDate day) {
    return dev.equals(CAT) || dev.equals(BOB) && !day.isBefore(MOVE) ? "Web" : "Core";
  }

  static long sessions(Predicate<Use> p) {
    return USES.stream().filter(p).mapToLong(Use::sessions).sum();
  }

  static long commits(Predicate<Commit> p) {
    return COMMITS.stream().filter(p).count();
  }

  static long lines(Predicate<Commit> p) {
    return COMMITS.stream().filter(p).mapToLong(Commit::lines).sum();
  }

  static Predicate<Use> usesIn(LocalDate from, LocalDate to) {
    return u -> !u.day().isBefore(from) && !u.day().isAfter(to);
  }

  static Predicate<Commit> commitsIn(LocalDate from, LocalDate to) {
    return c -> !c.day().isBefore(from) && !c.day().isAfter(to);
  }

  TestServer start() throws Exception {
    TestServer s = TestServer.start(target, Map.of("YARDSTICK_MIN_GROUP_SIZE", "3", "YARDSTICK_MANAGERS_SEE_INDIVIDUALS", "false"));
    s.execute("UPDATE orgs SET time_zone = 'Asia/Tokyo'");
    OrgSetup.team(s, "Eng", null, "lead@example.com");
    OrgSetup.team(s, "Core", "Eng");
    OrgSetup.team(s, "Web", "Eng");
    OrgSetup.team(s, "Ops", null, "ops@example.com");
    for (String dev : List.of(ANN, BOB, CAT, DAN, EVE)) {
      long id = OrgSetup.developer(s, dev);
      OrgSetup.member(s, id, team(dev, FROM), null);
      if (dev.equals(BOB)) {
        OrgSetup.member(s, id, "Web", MOVE); // a Wednesday
      }
    }
    String token = s.newIngestToken("laptops");
    for (Use u : USES) {
      var answer = OtlpExports.send(s, token, OtlpExports.Transport.HTTP_JSON, OtlpExports.metrics(u.dev(), "s-" + u.dev() + u.at(),
          List.of(Point.delta("claude_code.session.count", u.at(), u.sessions()))));
      assertThat(answer.rejected()).as(answer.message()).isZero();
    }
    Path app = Files.createTempDirectory("yardstick-series-app");
    SmallRepo repo = new SmallRepo(app);
    for (Commit c : COMMITS.stream().filter(c -> !c.forkOnly()).toList()) {
      repo.commitAt(c.dev(), c.dev() + ".txt", c.lines(), "work", c.at());
    }
    Path forkDir = Files.createTempDirectory("yardstick-series-fork");
    repo.git("clone", "-q", app.toString(), forkDir.toString());
    SmallRepo fork = new SmallRepo(forkDir, false);
    for (Commit c : COMMITS.stream().filter(Commit::forkOnly).toList()) {
      fork.commitAt(c.dev(), c.dev() + ".txt", c.lines(), "work", c.at());
    }
    OrgSetup.follow(s, "app", app);
    OrgSetup.follow(s, "fork", forkDir);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (rows(s, "/api/v1/report?from=" + FROM + "&to=" + TO).get(0).path("sessions").asLong() < sessions(u -> true)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return s;
  }

  static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static JsonNode rows(TestServer s, String path) throws Exception {
    return ok(s.send(s.api(path))).get("rows");
  }

  static Map<String, JsonNode> byKey(JsonNode rows) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.get("key").asText(), r));
    return out;
  }

  /** A number or null, as the JSON has it. */
  static Long n(JsonNode v) {
    return v == null || v.isNull() ? null : v.asLong();
  }

  static List<Long> points(JsonNode line) {
    List<Long> out = new ArrayList<>();
    line.get("points").forEach(p -> out.add(n(p.get("value"))));
    return out;
  }

  static Map<String, JsonNode> series(JsonNode answer) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    answer.get("series").forEach(l -> out.put(l.get("key").asText(), l));
    return out;
  }

  @Test
  void months_weeks_repositories_andTeams_equalThePlantedSums_inTheOrganizationsTimeZone() throws Exception {
    try (TestServer s = start()) {
      String window = "/api/v1/report?from=" + FROM + "&to=" + TO;
      LocalDate nov1 = LocalDate.parse("2026-11-01");
      Map<String, JsonNode> months = byKey(rows(s, window + "&groupBy=month"));
      assertThat(months.keySet()).containsExactly("2026-10-01", "2026-11-01");
      assertThat(n(months.get("2026-10-01").get("sessions"))).isEqualTo(sessions(usesIn(FROM, nov1.minusDays(1)))).isEqualTo(1);
      assertThat(n(months.get("2026-11-01").get("sessions"))).isEqualTo(sessions(usesIn(nov1, TO)));
      assertThat(n(months.get("2026-10-01").get("commits"))).isEqualTo(commits(commitsIn(FROM, nov1.minusDays(1)))).isEqualTo(1);
      assertThat(n(months.get("2026-11-01").get("committedLinesAdded"))).isEqualTo(lines(commitsIn(nov1, TO)));

      Map<String, JsonNode> weeks = byKey(rows(s, window + "&groupBy=week"));
      assertThat(weeks.keySet()).containsExactly("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16");
      for (String week : weeks.keySet()) {
        LocalDate mon = LocalDate.parse(week);
        long expected = sessions(usesIn(mon, mon.plusDays(6)));
        assertThat(n(weeks.get(week).get("sessions"))).as(week).isEqualTo(expected == 0 ? null : expected);
        assertThat(n(weeks.get(week).get("commits"))).as(week).isEqualTo(commits(commitsIn(mon, mon.plusDays(6))));
      }
      assertThat(n(weeks.get("2026-11-16").get("commits"))).isEqualTo(1); // eve's Sunday evening in London is Monday here

      Map<String, JsonNode> repos = byKey(rows(s, window + "&groupBy=repository"));
      assertThat(repos.keySet()).containsExactly("app", "fork");
      assertThat(n(repos.get("app").get("commits"))).isEqualTo(commits(c -> !c.forkOnly()));
      assertThat(n(repos.get("fork").get("commits"))).isEqualTo(commits(c -> true)); // the fork reaches app's commits too
      assertThat(n(repos.get("fork").get("committedLinesAdded"))).isEqualTo(lines(c -> true));
      assertThat(repos.get("app").get("sessions").isNull() && repos.get("app").get("costUsd").isNull()).isTrue();
      assertThat(n(rows(s, window).get(0).get("commits"))).isEqualTo(commits(c -> true)); // once in the organization

      LocalDate mon = LocalDate.parse("2026-11-09");
      for (String team : List.of("Core", "Web", "Eng")) {
        Predicate<String> in = t -> team.equals("Eng") || team.equals(t);
        JsonNode row = rows(s, "/api/v1/report?from=" + mon + "&to=" + mon.plusDays(6) + "&team=" + team).get(0);
        assertThat(n(row.get("sessions"))).as(team).isEqualTo(sessions(usesIn(mon, mon.plusDays(6)).and(u -> in.test(team(u.dev(), u.day())))));
        assertThat(n(row.get("commits"))).as(team).isEqualTo(commits(commitsIn(mon, mon.plusDays(6)).and(c -> in.test(team(c.dev(), c.day())))));
      }
      assertThat(byKey(rows(s, window + "&groupBy=team&team=Core")).keySet()).containsExactly("Core"); // not Eng, half seen
      Map<String, JsonNode> web = byKey(rows(s, "/api/v1/report?from=" + mon + "&to=" + mon.plusDays(6) + "&groupBy=developer&team=Web"));
      assertThat(web.keySet()).containsExactly(BOB, CAT);
      assertThat(n(web.get(BOB).get("sessions"))).isEqualTo(sessions(u -> u.dev().equals(BOB) && !u.day().isBefore(MOVE)));

      Map<String, JsonNode> devs = byKey(rows(s, window + "&groupBy=developer"));
      assertThat(n(devs.get(DAN).get("sessions"))).isEqualTo(32);
      assertThat(devs.get(DAN).get("commits").isNull()).isTrue(); // unknown, not zero
      assertThat(devs.get(EVE).get("sessions").isNull()).isTrue();
      assertThat(n(devs.get(EVE).get("commits"))).isEqualTo(commits(c -> c.dev().equals(EVE)));

      JsonNode threeYears = rows(s, "/api/v1/report?from=2024-01-01&to=2026-12-31&groupBy=month");
      assertThat(threeYears).hasSize(36);
      long total = 0;
      for (JsonNode r : threeYears) {
        total += r.get("sessions").isNull() ? 0 : r.get("sessions").asLong();
      }
      assertThat(total).isEqualTo(sessions(u -> true));
      LocalDate end = LocalDate.parse("2026-12-31");
      assertThat(rows(s, "/api/v1/report?from=" + end.minusDays(3 * 366 - 1) + "&to=" + end)).hasSize(1); // 1,098 days
      HttpResponse<String> tooLong = s.send(s.api("/api/v1/report?from=" + end.minusDays(3 * 366) + "&to=" + end + "&groupBy=month"));
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(tooLong.body()).contains("at most 1098 days");
      JsonNode empty = rows(s, "/api/v1/report?from=2026-06-01&to=2026-07-31&groupBy=month");
      assertThat(empty).hasSize(2).allSatisfy(r -> assertThat(r.get("sessions").isNull() && r.get("commits").isNull()).isTrue());
      HttpResponse<String> badGroup = s.send(s.api(window + "&groupBy=quarter"));
      assertThat(badGroup.statusCode()).isEqualTo(400);
      assertThat(badGroup.body()).contains("month").contains("repository");
      assertThat(s.send(s.api(window + "&team=Nobody")).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void timeseries_pointsEqualThePlantedSums_perPeriod_andCsvHoldsThem() throws Exception {
    try (TestServer s = start()) {
      LocalDate nov2 = LocalDate.parse("2026-11-02");
      JsonNode byTeam = ok(s.send(s.api("/api/v1/timeseries?metric=sessions&interval=week&groupBy=team&from=" + nov2 + "&to=" + nov2.plusDays(13))));
      assertThat(byTeam.get("metric").asText()).isEqualTo("sessions");
      Map<String, JsonNode> teams = series(byTeam);
      assertThat(teams.keySet()).containsExactly("Core", "Eng", "Ops", "Web");
      for (String team : teams.keySet()) {
        List<Long> expected = new ArrayList<>();
        for (LocalDate mon : List.of(nov2, nov2.plusDays(7))) {
          Predicate<Use> in = usesIn(mon, mon.plusDays(6)).and(u -> team.equals("Eng") || team.equals(team(u.dev(), u.day())));
          expected.add(USES.stream().anyMatch(in) ? sessions(in) : null);
        }
        assertThat(points(teams.get(team))).as(team).isEqualTo(expected);
      }

      JsonNode commitsByMonth = ok(s.send(s.api("/api/v1/timeseries?metric=commits&interval=month&from=" + FROM + "&to=" + TO)));
      JsonNode org = commitsByMonth.get("series").get(0);
      assertThat(points(org)).containsExactly(commits(commitsIn(FROM, LocalDate.parse("2026-10-31"))),
          commits(commitsIn(LocalDate.parse("2026-11-01"), TO)));
      assertThat(org.get("points").get(0).get("from").asText()).isEqualTo(FROM.toString());
      assertThat(org.get("points").get(0).get("to").asText()).isEqualTo("2026-10-31");
      assertThat(org.get("points").get(1).get("period").asText()).isEqualTo("2026-11-01");

      JsonNode active = ok(s.send(s.api("/api/v1/timeseries?metric=activeUsers&interval=week&from=" + FROM + "&to=" + TO)));
      List<Long> expectedActive = new ArrayList<>();
      for (LocalDate mon = FROM; !mon.isAfter(TO); mon = mon.plusWeeks(1)) {
        long people = USES.stream().filter(usesIn(mon, mon.plusDays(6))).map(Use::dev).distinct().count();
        expectedActive.add(people == 0 ? null : people); // no usage data at all: unknown
      }
      assertThat(points(active.get("series").get(0))).isEqualTo(expectedActive);

      JsonNode annDays = series(ok(s.send(s.api("/api/v1/timeseries?metric=committedLinesAdded&interval=day&groupBy=developer"
          + "&from=2026-10-31&to=2026-11-01")))).get(ANN);
      assertThat(points(annDays)).containsExactly(10L, 20L); // 23:30 and 00:30 in Tokyo: two days

      String csvPath = "/api/v1/timeseries?metric=sessions&interval=week&groupBy=team&from=" + nov2 + "&to=" + nov2.plusDays(13);
      HttpResponse<String> csv = s.send(s.api(csvPath + "&format=csv"));
      assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"timeseries-sessions-"
          + nov2 + "-" + nov2.plusDays(13) + "-week-team.csv\"");
      assertThat(s.send(s.api(csvPath).header("Accept", "text/csv")).body()).isEqualTo(csv.body());
      List<List<String>> cells = Csv.parse(csv.body());
      assertThat(cells.getFirst()).containsExactly("key", "name", "period", "from", "to", "value");
      List<List<String>> expected = new ArrayList<>();
      byTeam.get("series").forEach(l -> l.get("points").forEach(p -> expected.add(List.of(l.get("key").asText(),
          l.get("name").asText(), p.get("period").asText(), p.get("from").asText(), p.get("to").asText(),
          p.get("value").isNull() ? "" : new BigDecimal(p.get("value").asText()).toPlainString()))));
      assertThat(cells.subList(1, cells.size())).isEqualTo(expected).hasSize(8);

      HttpResponse<String> unknown = s.send(s.api("/api/v1/timeseries?metric=loc&interval=week&from=" + FROM + "&to=" + TO));
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("metric must be one of").contains("aiUsagePercent").contains("activeUsers");
      assertThat(s.send(s.api("/api/v1/timeseries?metric=sessions&interval=year&from=" + FROM + "&to=" + TO)).statusCode()).isEqualTo(400);
      JsonNode nothing = ok(s.send(s.api("/api/v1/timeseries?metric=sessions&interval=month&from=2026-06-01&to=2026-07-31")));
      assertThat(points(nothing.get("series").get(0))).containsExactly(null, null);
    }
  }

  @Test
  void accessRules_developersGetNoTeams_managersOnlyTheirs_smallGroupsWithheld() throws Exception {
    try (TestServer s = start()) {
      WebClient ann = s.account(ANN, "developer", "ann-password-1234");
      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");
      WebClient ops = s.account("ops@example.com", "manager", "ops-password-1234");
      String window = "from=" + FROM + "&to=" + TO;

      assertThat(ann.get("/api/v1/report?" + window + "&team=Core").statusCode()).isEqualTo(403);
      assertThat(ann.get("/api/v1/report?" + window + "&groupBy=team").statusCode()).isEqualTo(403);
      assertThat(ann.get("/api/v1/timeseries?metric=sessions&groupBy=team&" + window).statusCode()).isEqualTo(403);
      JsonNode own = ok(ann.get("/api/v1/timeseries?metric=sessions&interval=day&groupBy=developer&" + window));
      assertThat(series(own).keySet()).containsExactly(ANN); // her own days, nobody else's
      assertThat(ops.get("/api/v1/report?" + window + "&team=Core").statusCode()).isEqualTo(403);
      assertThat(ops.get("/api/v1/timeseries?metric=sessions&team=Core&" + window).statusCode()).isEqualTo(403);
      assertThat(lead.get("/api/v1/timeseries?metric=sessions&interval=day&" + window).statusCode()).isEqualTo(403);
      assertThat(lead.get("/api/v1/report?" + window + "&groupBy=repository").statusCode()).isEqualTo(403);

      // the lead may not see individuals: Core's and Web's weeks hold two contributors each, fewer than 3
      JsonNode withheld = ok(lead.get("/api/v1/report?from=2026-11-09&to=2026-11-15&team=Core"));
      assertThat(withheld.get("rows").get(0).get("withheld").asBoolean()).isTrue();
      assertThat(withheld.get("rows").get(0).get("sessions").isNull()).isTrue();
      Map<String, JsonNode> teams = series(ok(lead.get("/api/v1/timeseries?metric=sessions&interval=week&groupBy=team&team=Eng"
          + "&from=2026-11-09&to=2026-11-15")));
      assertThat(teams.keySet()).containsExactly("Core", "Eng", "Web");
      teams.forEach((team, line) -> assertThat(points(line)).as(team).containsExactly((Long) null));
      // the admin sees the same week in full
      JsonNode admin = series(ok(s.send(s.api("/api/v1/timeseries?metric=sessions&interval=week&groupBy=team&team=Eng"
          + "&from=2026-11-09&to=2026-11-15")))).get("Eng");
      assertThat(points(admin)).containsExactly(sessions(usesIn(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-15"))));
      assertThat(lead.get("/api/v1/report?" + window + "&team=Nobody").statusCode()).isEqualTo(400);
    }
  }
}
