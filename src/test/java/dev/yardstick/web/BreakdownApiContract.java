package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.model.Csv;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Point;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/adoption, /acceptance and /spend over real HTTP: telemetry sent through OTLP with the attributes Claude
 * Code sends (model, tool_name, decision, language, source) and Admin API rows imported from a fake Admin API; every
 * figure checked against what the test adds up from what it planted, the no-double-counting merge included (a
 * developer-day with Admin API rows takes its breakdown from the Admin API). On every database.
 */
abstract class BreakdownApiContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate FROM = LocalDate.parse("2026-11-09"); // a Monday; the window is two whole weeks
  static final LocalDate TO = LocalDate.parse("2026-11-22");
  static final LocalDate BACKFILL = LocalDate.parse("2026-11-16"); // Admin API rows from here on
  static final String ALICE = "alice@example.com";
  static final String DEV1 = AdminDataset.email(1); // in both sources
  static final String BOB = "bob@example.com"; // known, never active
  static final String STRANGER = "stranger@example.com"; // no developer: unattributed

  /** One telemetry export: a developer's day with one model's usage and one kind of edit decision. */
  record Plant(String email, LocalDate day, String model, long input, long output, long cacheRead, long cacheCreation,
      double cost, String tool, String decision, String language, String source, long decisions, long sessions) {}

  final AdminDataset admin = new AdminDataset(3, 11);

  List<Plant> plants(LocalDate dev1AdminDay) {
    return List.of(
        new Plant(ALICE, LocalDate.parse("2026-10-28"), "claude-opus-4-1", 10, 2, 0, 0, 0.5, "Edit", "accept", "Java", "config", 1, 1),
        new Plant(ALICE, LocalDate.parse("2026-11-10"), "claude-opus-4-1", 1000, 200, 5000, 300, 1.25, "Edit", "accept", "Java",
            "user_temporary", 4, 1),
        new Plant(ALICE, LocalDate.parse("2026-11-12"), "claude-sonnet-5", 700, 50, 0, 10, 0.375, "Write", "reject", "Python",
            "user_reject", 2, 2),
        new Plant(ALICE, LocalDate.parse("2026-11-18"), "claude-opus-4-1", 300, 30, 100, 0, 0.5, "MultiEdit", "accept", "Java", "hook",
            3, 1),
        new Plant(DEV1, LocalDate.parse("2026-11-11"), "claude-sonnet-5", 400, 40, 0, 0, 0.25, "Edit", "reject", "Go", "config", 5, 1),
        new Plant(DEV1, dev1AdminDay, "claude-opus-4-1", 99_000, 9_000, 0, 0, 9.0, "Edit", "accept", "Go", "config", 70, 3),
        new Plant(STRANGER, LocalDate.parse("2026-11-13"), "claude-haiku-4-5", 80, 8, 0, 0, 0.0625, "NotebookEdit", "accept",
            "unknown", "user_permanent", 1, 1));
  }

  boolean adminHas(String actor, LocalDate day) {
    return !day.isBefore(BACKFILL) && admin.rows(day).stream().anyMatch(r -> r.actor().equals(actor));
  }

  /** Telemetry of a developer-day the Admin API also has is not counted: the Admin API's figures stand for it. */
  List<Plant> counted(List<Plant> plants, LocalDate from, LocalDate to) {
    return plants.stream().filter(p -> !p.day().isBefore(from) && !p.day().isAfter(to) && !adminHas(p.email(), p.day())).toList();
  }

  List<AdminDataset.Row> adminRows(LocalDate from, LocalDate to) {
    List<AdminDataset.Row> out = new ArrayList<>();
    for (LocalDate d = from.isBefore(BACKFILL) ? BACKFILL : from; !d.isAfter(to); d = d.plusDays(1)) {
      out.addAll(admin.rows(d));
    }
    return out;
  }

  LocalDate dev1AdminDay() {
    for (LocalDate d = BACKFILL; !d.isAfter(TO); d = d.plusDays(1)) {
      if (adminHas(DEV1, d)) {
        return d;
      }
    }
    throw new AssertionError("the dataset has no day of " + DEV1);
  }

  static void send(TestServer s, String token, Plant p) throws Exception {
    var at = p.day().atTime(12, 0).toInstant(ZoneOffset.UTC);
    var answer = OtlpExports.send(s, token, OtlpExports.Transport.HTTP_JSON, OtlpExports.metrics(p.email(), "s-" + p.day(), List.of(
        Point.delta("claude_code.token.usage", at, p.input(), "type", "input", "model", p.model()),
        Point.delta("claude_code.token.usage", at, p.output(), "type", "output", "model", p.model()),
        Point.delta("claude_code.token.usage", at, p.cacheRead(), "type", "cacheRead", "model", p.model()),
        Point.delta("claude_code.token.usage", at, p.cacheCreation(), "type", "cacheCreation", "model", p.model()),
        Point.delta("claude_code.cost.usage", at, p.cost(), "model", p.model(), "query_source", "main"),
        Point.delta("claude_code.session.count", at, p.sessions()),
        Point.delta("claude_code.active_time.total", at, 600, "type", "cli"),
        Point.delta("claude_code.code_edit_tool.decision", at, p.decisions(), "tool_name", p.tool(), "decision", p.decision(),
            "language", p.language(), "source", p.source()))));
    assertThat(answer.rejected()).as(answer.message()).isZero();
  }

  /** Every row of an answer by dimension and key. */
  static Map<String, JsonNode> rows(JsonNode answer) {
    Map<String, JsonNode> out = new TreeMap<>();
    answer.get("rows").forEach(r -> out.put(r.get("dimension").asText() + ":" + r.get("key").asText(), r));
    return out;
  }

  static JsonNode get(TestServer s, String path) throws Exception {
    HttpResponse<String> r = s.send(s.api(path));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static String window(String endpoint) {
    return "/api/v1/" + endpoint + "?from=" + FROM + "&to=" + TO;
  }

  @Test
  void spendAcceptanceAndAdoption_addUpWhatWasPlanted_adminApiDaysTakingTheirBreakdownFromTheAdminApi() throws Exception {
    LocalDate adminDay = dev1AdminDay();
    List<Plant> plants = plants(adminDay);
    try (FakeAdminApi fake = new FakeAdminApi(admin, 50);
        TestServer s = TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString()))) {
      OrgSetup.team(s, "Core", null);
      for (String email : List.of(ALICE, DEV1, BOB)) {
        OrgSetup.member(s, OrgSetup.developer(s, email), "Core", null);
      }
      String token = s.newIngestToken("laptops");
      for (Plant p : plants) {
        send(s, token, p);
      }
      TeamHistoryContract.expect(s.json("PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + BACKFILL + "\"}"), 200);
      TeamHistoryContract.awaitSync(s);

      List<Plant> tel = counted(plants, FROM, TO);
      List<AdminDataset.Row> adm = adminRows(FROM, TO);
      assertThat(tel).extracting(Plant::day).doesNotContain(adminDay).contains(LocalDate.parse("2026-11-11"));

      // spend by model: the Admin API's models plus the telemetry not replaced by it
      Map<String, double[]> models = new TreeMap<>();
      tel.forEach(p -> add(models, p.model(), p.input(), p.output(), p.cacheRead(), p.cacheCreation(), p.cost()));
      adm.forEach(r -> r.models().forEach(m -> add(models, m.name(), m.input(), m.output(), m.cacheRead(), m.cacheCreation(),
          m.cents() / 100.0)));
      Map<String, JsonNode> spend = rows(get(s, window("spend")));
      double total = 0;
      for (var e : models.entrySet()) {
        JsonNode row = spend.get("model:" + e.getKey());
        assertThat(row).as(e.getKey()).isNotNull();
        assertThat(row.get("tokens").get("input").asLong()).as(e.getKey()).isEqualTo((long) e.getValue()[0]);
        assertThat(row.get("tokens").get("output").asLong()).isEqualTo((long) e.getValue()[1]);
        assertThat(row.get("tokens").get("cacheRead").asLong()).isEqualTo((long) e.getValue()[2]);
        assertThat(row.get("tokens").get("cacheCreation").asLong()).isEqualTo((long) e.getValue()[3]);
        assertThat(row.get("costUsd").asDouble()).isCloseTo(e.getValue()[4], within(1e-6));
        total += e.getValue()[4];
      }
      assertThat(spend.keySet().stream().filter(k -> k.startsWith("model:"))).hasSize(models.size());
      assertThat(spend.get("unit:total").get("costUsd").asDouble()).isCloseTo(total, within(1e-6));

      // by developer: alice's telemetry; dev1's Admin API rows and the one telemetry day without them; the rest nobody's
      double alice = tel.stream().filter(p -> p.email().equals(ALICE)).mapToDouble(Plant::cost).sum();
      double dev1 = tel.stream().filter(p -> p.email().equals(DEV1)).mapToDouble(Plant::cost).sum()
          + adm.stream().filter(r -> r.actor().equals(DEV1)).flatMap(r -> r.models().stream()).mapToDouble(m -> m.cents() / 100.0).sum();
      assertThat(spend.get("developer:" + ALICE).get("costUsd").asDouble()).isCloseTo(alice, within(1e-6));
      assertThat(spend.get("developer:" + DEV1).get("costUsd").asDouble()).isCloseTo(dev1, within(1e-6));
      assertThat(spend.get("developer:unattributed").get("costUsd").asDouble()).isCloseTo(total - alice - dev1, within(1e-6));
      assertThat(spend.get("team:Core").get("costUsd").asDouble()).isCloseTo(alice + dev1, within(1e-6));
      assertThat(spend.get("team:unattributed").get("costUsd").asDouble()).isCloseTo(total - alice - dev1, within(1e-6));
      assertThat(spend.get("unit:perActiveDeveloper").get("units").asLong()).isEqualTo(2); // alice and dev1; bob idle
      assertThat(spend.get("unit:perActiveDeveloper").get("costUsd").asDouble()).isCloseTo(total / 2, within(1e-6));
      assertThat(spend.get("unit:perCommit").get("costUsd").isNull()).isTrue(); // no repository: unknown

      // acceptance: telemetry decisions by tool, language and source; the Admin API's by tool only
      Map<String, long[]> decisions = new TreeMap<>();
      for (Plant p : tel) {
        boolean accepted = p.decision().equals("accept");
        for (String key : List.of("all:all", "tool:" + p.tool(), "language:" + p.language(), "source:" + source(p.source()))) {
          decisions.computeIfAbsent(key, k -> new long[2])[accepted ? 0 : 1] += p.decisions();
        }
      }
      Map<String, String> tools = Map.of("edit_tool", "Edit", "multi_edit_tool", "MultiEdit", "write_tool", "Write",
          "notebook_edit_tool", "NotebookEdit");
      for (AdminDataset.Row r : adm) {
        r.tools().forEach((tool, n) -> {
          if (tools.containsKey(tool)) {
            for (String key : List.of("all:all", "tool:" + tools.get(tool), "language:(not reported)", "source:(not reported)")) {
              decisions.computeIfAbsent(key, k -> new long[2])[0] += n[0];
              decisions.get(key)[1] += n[1];
            }
          }
        });
      }
      Map<String, JsonNode> acceptance = rows(get(s, window("acceptance")));
      assertThat(acceptance.keySet()).isEqualTo(decisions.keySet());
      decisions.forEach((key, n) -> {
        assertThat(acceptance.get(key).get("accepted").asLong()).as(key).isEqualTo(n[0]);
        assertThat(acceptance.get(key).get("rejected").asLong()).as(key).isEqualTo(n[1]);
        assertThat(acceptance.get(key).get("rate").asDouble()).as(key)
            .isCloseTo(Math.round(10_000.0 * n[0] / (n[0] + n[1])) / 10_000.0, within(1e-9));
      });

      // adoption by week: who was active, who sent telemetry, sessions (the Admin API's on its days)
      Map<String, JsonNode> adoption = rows(get(s, window("adoption") + "&interval=week"));
      for (LocalDate monday : List.of(FROM, FROM.plusDays(7))) {
        LocalDate sunday = monday.plusDays(6);
        List<Plant> telWeek = plants.stream().filter(p -> !p.email().equals(STRANGER) && !p.day().isBefore(monday)
            && !p.day().isAfter(sunday)).toList();
        Set<String> active = new HashSet<>();
        telWeek.forEach(p -> active.add(p.email()));
        long sessions = counted(telWeek, monday, sunday).stream().mapToLong(Plant::sessions).sum();
        for (AdminDataset.Row r : adminRows(monday, sunday)) {
          if (r.actor().equals(DEV1)) {
            active.add(DEV1);
            sessions += r.sessions();
          }
        }
        Set<String> telemetry = new HashSet<>();
        telWeek.forEach(p -> telemetry.add(p.email()));
        JsonNode period = adoption.get("period:" + (monday.equals(FROM) ? "2026-W46" : "2026-W47")).get("period");
        assertThat(period.get("knownDevelopers").asInt()).isEqualTo(3);
        assertThat(period.get("activeUsers").asInt()).isEqualTo(active.size());
        assertThat(period.get("developersSendingTelemetry").asInt()).isEqualTo(telemetry.size());
        assertThat(period.get("sessions").asLong()).as(monday.toString()).isEqualTo(sessions);
      }
      // cohorts: active days × 7 ÷ 14 known days; the previous two weeks hold alice's one day
      Set<LocalDate> dev1Days = new HashSet<>();
      plants.stream().filter(p -> p.email().equals(DEV1)).forEach(p -> dev1Days.add(p.day()));
      adminRows(FROM, TO).stream().filter(r -> r.actor().equals(DEV1)).forEach(r -> dev1Days.add(r.day()));
      String dev1Cohort = cohort(dev1Days.size() * 7.0 / 14);
      Map<String, Integer> now = new HashMap<>(Map.of("none", 1, "light", 1, "moderate", 0, "heavy", 0)); // bob, alice (3 days)
      now.merge(dev1Cohort, 1, Integer::sum);
      now.forEach((c, n) -> assertThat(adoption.get("cohort:" + c).get("developers").asInt()).as(c).isEqualTo(n));
      assertThat(adoption.get("cohort:light").get("previousDevelopers").asInt()).isEqualTo(1);
      assertThat(adoption.get("cohort:none").get("previousDevelopers").asInt()).isEqualTo(2);
      assertThat(adoption.get("movement:light->light").get("developers").asInt()).isEqualTo(1);
      assertThat(adoption.get("movement:none->none").get("developers").asInt()).isEqualTo(1);
      assertThat(adoption.get("movement:none->" + dev1Cohort).get("developers").asInt()).isEqualTo(1);

      // the report by model and by tool: the same figures, one row each, the rest null
      JsonNode byModel = get(s, "/api/v1/report?from=" + FROM + "&to=" + TO + "&groupBy=model");
      assertThat(byModel.get("rows")).hasSize(models.size());
      for (JsonNode row : byModel.get("rows")) {
        double[] v = models.get(row.get("key").asText());
        assertThat(row.get("tokens").get("input").asLong()).isEqualTo((long) v[0]);
        assertThat(row.get("tokens").get("cacheCreation").asLong()).isEqualTo((long) v[3]);
        assertThat(row.get("costUsd").asDouble()).isCloseTo(v[4], within(1e-6));
        assertThat(row.get("sessions").isNull()).isTrue();
      }
      // within a team: its members' models only (the stranger's and the other Admin API actors' are nobody's)
      Map<String, Double> coreModels = new TreeMap<>();
      tel.stream().filter(p -> !p.email().equals(STRANGER)).forEach(p -> coreModels.merge(p.model(), p.cost(), Double::sum));
      adm.stream().filter(r -> r.actor().equals(DEV1))
          .forEach(r -> r.models().forEach(m -> coreModels.merge(m.name(), m.cents() / 100.0, Double::sum)));
      Map<String, Double> coreReported = new TreeMap<>();
      get(s, "/api/v1/report?from=" + FROM + "&to=" + TO + "&groupBy=model&team=Core").get("rows")
          .forEach(r -> coreReported.put(r.get("key").asText(), r.get("costUsd").asDouble()));
      assertThat(coreReported.keySet()).isEqualTo(coreModels.keySet());
      coreModels.forEach((m, c) -> assertThat(coreReported.get(m)).as(m).isCloseTo(c, within(1e-6)));
      JsonNode byTool = get(s, "/api/v1/report?from=" + FROM + "&to=" + TO + "&groupBy=tool");
      assertThat(byTool.get("rows")).hasSize(4);
      for (JsonNode row : byTool.get("rows")) {
        long[] n = decisions.get("tool:" + row.get("key").asText());
        assertThat(row.get("editsAccepted").asLong()).as(row.toString()).isEqualTo(n[0]);
        assertThat(row.get("editsRejected").asLong()).isEqualTo(n[1]);
        assertThat(row.get("costUsd").isNull()).isTrue();
      }

      // every answer as CSV, cell for cell the JSON rows
      for (String path : List.of(window("spend"), window("acceptance"), window("adoption") + "&interval=week")) {
        JsonNode json = get(s, path);
        HttpResponse<String> csv = s.send(s.api(path + "&format=csv"));
        assertThat(s.send(s.api(path).header("Accept", "text/csv")).body()).isEqualTo(csv.body());
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=\"");
        List<List<String>> table = Csv.parse(csv.body());
        assertThat(table).hasSize(json.get("rows").size() + 1);
        for (int i = 0; i < json.get("rows").size(); i++) {
          assertThat(ITReportCsv.flatten(json.get("rows").get(i), table.get(0))).as(path + " row " + i).isEqualTo(table.get(i + 1));
        }
      }
      assertThat(s.send(s.api(window("adoption") + "&interval=year")).statusCode()).isEqualTo(400);
      assertThat(s.send(s.api(window("spend") + "&team=Nowhere")).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void developersGetNoTeams_managersTheirTeamsOnly_andSmallGroupsAreWithheld() throws Exception {
    try (TestServer s = TestServer.start(target, Map.of("YARDSTICK_MIN_GROUP_SIZE", "3"))) {
      OrgSetup.team(s, "Eng", null, "lead@example.com");
      OrgSetup.team(s, "Core", "Eng");
      OrgSetup.team(s, "Ops", null);
      List<String> core = List.of("c0@example.com", "c1@example.com", "c2@example.com");
      for (String email : core) {
        OrgSetup.member(s, OrgSetup.developer(s, email), "Core", null);
      }
      OrgSetup.member(s, OrgSetup.developer(s, "o0@example.com"), "Ops", null);
      String token = s.newIngestToken("laptops");
      Map<String, Double> cost = new TreeMap<>();
      int i = 0;
      for (String email : List.of("c0@example.com", "c1@example.com", "c2@example.com", "o0@example.com")) {
        double c = 0.5 * ++i;
        cost.put(email, c);
        send(s, token, new Plant(email, FROM.plusDays(i), "claude-sonnet-5", 100L * i, 10, 0, 0, c, "Edit", "accept", "Java",
            "config", i, 1));
      }
      WebClient dev = s.account("c0@example.com", "developer", "c0-password-1234");
      WebClient lead = s.account("lead@example.com", "manager", "lead-password-1234");

      assertThat(dev.get(window("spend") + "&team=Core").statusCode()).isEqualTo(403);
      assertThat(lead.get(window("acceptance") + "&team=Ops").statusCode()).isEqualTo(403);
      assertThat(dev.get(window("adoption") + "&interval=day").statusCode()).isEqualTo(403); // whole weeks only

      // the developer: their own row by developer, no team rows; the company's others (3 in the week's cell) kept
      Map<String, JsonNode> mine = rows(JSON.readTree(dev.get(window("spend")).body()));
      assertThat(mine.keySet().stream().filter(k -> k.startsWith("developer:"))).containsExactly("developer:c0@example.com");
      assertThat(mine.keySet().stream().filter(k -> k.startsWith("team:"))).isEmpty();
      // the week of 11-09 holds everyone's day: c0 seen, c1, c2 and o0 a cell of three, kept
      assertThat(mine.get("unit:total").get("costUsd").asDouble()).isCloseTo(5.0, within(1e-9));

      // the manager: Eng and Core by team, their developers; Ops (one developer, a cell of one) left out of the company's
      Map<String, JsonNode> lead1 = rows(JSON.readTree(lead.get(window("spend")).body()));
      assertThat(lead1.keySet().stream().filter(k -> k.startsWith("team:"))).containsExactlyInAnyOrder("team:Eng", "team:Core");
      assertThat(lead1.keySet().stream().filter(k -> k.startsWith("developer:")))
          .containsExactlyInAnyOrder("developer:c0@example.com", "developer:c1@example.com", "developer:c2@example.com");
      double coreCost = cost.get("c0@example.com") + cost.get("c1@example.com") + cost.get("c2@example.com");
      assertThat(lead1.get("team:Core").get("costUsd").asDouble()).isCloseTo(coreCost, within(1e-9));
      assertThat(lead1.get("unit:total").get("costUsd").asDouble()).isCloseTo(coreCost, within(1e-9));
      Map<String, JsonNode> team = rows(JSON.readTree(lead.get(window("acceptance") + "&team=Eng").body()));
      assertThat(team.get("all:all").get("accepted").asLong()).isEqualTo(1 + 2 + 3);

      // a group of one among the developer's company figures: languages with only o0's decisions are withheld
      send(s, token, new Plant("o0@example.com", FROM.plusDays(2), "claude-sonnet-5", 1, 1, 0, 0, 0.01, "Write", "accept",
          "Rust", "hook", 7, 1));
      Map<String, JsonNode> acceptance = rows(JSON.readTree(dev.get(window("acceptance")).body()));
      assertThat(acceptance.get("language:Rust").get("withheld").asBoolean()).isTrue();
      assertThat(acceptance.get("language:Rust").get("accepted").isNull()).isTrue();
      assertThat(acceptance.get("language:Java").get("accepted").asLong()).isEqualTo(1 + 2 + 3 + 4);
    }
  }

  static String source(String s) {
    return s.startsWith("user") ? "user" : s;
  }

  static String cohort(double perWeek) {
    return perWeek >= 4 ? "heavy" : perWeek >= 2 ? "moderate" : perWeek > 0 ? "light" : "none";
  }

  private static void add(Map<String, double[]> m, String key, double... v) {
    double[] sum = m.computeIfAbsent(key, k -> new double[v.length]);
    for (int i = 0; i < v.length; i++) {
      sum[i] += v[i];
    }
  }
}
