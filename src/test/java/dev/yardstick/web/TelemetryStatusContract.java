package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.OrgSetup;
import dev.yardstick.testing.OtlpExports;
import dev.yardstick.testing.OtlpExports.Event;
import dev.yardstick.testing.OtlpExports.Transport;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestServer;
import dev.yardstick.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/developers/{id}/telemetry and the profile's live check over real HTTP, with OTLP
 * exports, an Admin API backfill and a git repository as the truth. On every database.
 */
abstract class TelemetryStatusContract extends OnEveryDatabase {
  static final ObjectMapper JSON = new ObjectMapper();

  static void send(TestServer s, String token, String email, String session, Instant at, String version, String terminal)
      throws Exception {
    var answer = OtlpExports.send(s, token, Transport.HTTP_JSON, OtlpExports.logs(email, session,
        List.of(Event.of("user_prompt", at, "terminal.type", terminal, "app.version", version, "prompt_length", 12))));
    assertThat(answer.status()).isEqualTo(200);
  }

  static JsonNode status(TestServer s, long developer) throws Exception {
    HttpResponse<String> r = OrgSetup.call(s, "GET", "/api/v1/developers/" + developer + "/telemetry", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void telemetry_firstAndLast_versionsTerminals_andAnIdentifierLinkedLater() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      long jane = OrgSetup.developer(s, "jane@example.com");
      Instant now = s.clock().instant().truncatedTo(ChronoUnit.MILLIS);
      Instant old = now.minus(3, ChronoUnit.DAYS);
      Instant first = now.minus(2, ChronoUnit.HOURS);
      Instant last = now.minus(1, ChronoUnit.HOURS);
      send(s, token, "Jane@Example.com", "s1", first, "2.1.230", "vscode");
      send(s, token, "jane@example.com", "s2", last, "2.1.231", "iTerm.app");
      send(s, token, "jdoe@old-laptop.example", "s0", old, "2.0.1", "vscode"); // nobody's yet
      s.app().writeSeen(); // what the seen writer does every second

      JsonNode before = status(s, jane);
      assertThat(before.get("firstEventAt").asText()).isEqualTo(first.toString());
      assertThat(before.get("lastEventAt").asText()).isEqualTo(last.toString());
      assertThat(strings(before.get("clientVersions"))).containsExactly("2.1.231", "2.1.230");
      assertThat(strings(before.get("terminals"))).containsExactly("iTerm.app", "vscode");
      assertThat(before.get("identifiedBy").toString()).isEqualTo("[{\"path\":\"telemetry\",\"kind\":\"email\",\"attribute\":"
          + "\"user.email\",\"value\":\"jane@example.com\",\"firstSeen\":\"" + first + "\",\"lastSeen\":\"" + last + "\"}]");
      assertThat(Instant.parse(before.get("lastReceivedAt").asText())).isBetween(now.minusSeconds(1), s.clock().instant());

      HttpResponse<String> linked = OrgSetup.call(s, "POST", "/api/v1/developers/" + jane + "/aliases",
          "{\"kind\":\"email\",\"value\":\"jdoe@old-laptop.example\"}");
      assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
      JsonNode after = status(s, jane);

      assertThat(after.get("firstEventAt").asText()).isEqualTo(old.toString());
      assertThat(after.get("lastEventAt").asText()).isEqualTo(last.toString());
      assertThat(strings(after.get("clientVersions"))).containsExactly("2.1.231", "2.1.230", "2.0.1");
      assertThat(after.get("identifiedBy").findValuesAsText("value")).containsExactlyInAnyOrder("jane@example.com",
          "jdoe@old-laptop.example");
    }
  }

  @Test
  void aDeveloperWithNothing_nullsAndEmptyLists_andOnlyThoseAllowedSeeIt() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      long jane = OrgSetup.developer(s, "jane@example.com");
      long omar = OrgSetup.developer(s, "omar@example.com");
      send(s, token, "jane@example.com", "s1", s.clock().instant().minusSeconds(60), "2.1.230", "vscode");
      s.app().writeSeen();
      WebClient omarsBrowser = s.account("omar@example.com", "developer", "omar-password-42");

      assertThat(status(s, omar).toString()).isEqualTo("{\"firstEventAt\":null,\"lastEventAt\":null,\"lastReceivedAt\":null,"
          + "\"clientVersions\":[],\"terminals\":[],\"identifiedBy\":[],\"adminApi\":{\"days\":0,\"firstDay\":null,\"lastDay\":null},"
          + "\"git\":{\"commits\":0,\"firstAt\":null,\"lastAt\":null}}");
      assertThat(omarsBrowser.get("/api/v1/developers/" + omar + "/telemetry").statusCode()).isEqualTo(200);
      assertThat(omarsBrowser.get("/api/v1/developers/" + jane + "/telemetry").statusCode()).isEqualTo(403);
      assertThat(omarsBrowser.get("/developers/" + jane).statusCode()).isEqualTo(403);
      assertThat(omarsBrowser.get("/developers/" + jane + "/telemetry/live?since=" + s.clock().instant()).statusCode()).isEqualTo(403);
      assertThat(OrgSetup.call(s, "GET", "/api/v1/developers/987654/telemetry", null).statusCode()).isEqualTo(404);
      HttpResponse<String> page = omarsBrowser.get("/developers/" + omar);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("telemetry is not historical".substring(1)).contains("id=\"live-check\"")
          .contains("hx-trigger=\"every 2s\"").contains("value=\"omar@example.com\"")
          .contains("id=\"personal-tokens\"").contains("Data sent with a personal token is yours");
    }
  }

  @Test
  void liveCheck_waits_thenTurnsGreenOnTheNextExport_andStopsPolling() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      long jane = OrgSetup.developer(s, "jane@example.com");
      send(s, token, "jane@example.com", "s0", s.clock().instant().minusSeconds(600), "2.1.230", "vscode"); // before the page
      s.app().writeSeen();
      WebClient janesBrowser = s.account("jane@example.com", "developer", "jane-password-42");
      Instant rendered = s.clock().instant();
      String live = "/developers/" + jane + "/telemetry/live?since=" + rendered;

      HttpResponse<String> waiting = janesBrowser.get(live);
      assertThat(waiting.statusCode()).isEqualTo(200);
      assertThat(waiting.body()).contains("Waiting for data").contains("hx-trigger=\"every 2s\"");

      send(s, token, "jane@example.com", "s1", s.clock().instant(), "2.1.230", "vscode");
      long sent = System.nanoTime();
      HttpResponse<String> green = janesBrowser.get(live);
      while (green.statusCode() == 200 && System.nanoTime() - sent < 10_000_000_000L) { // the seen writer runs every second
        Thread.sleep(100);
        green = janesBrowser.get(live);
      }
      assertThat(green.statusCode()).isEqualTo(286);
      assertThat(green.body()).contains("Data received at").doesNotContain("hx-trigger");
      assertThat((System.nanoTime() - sent) / 1_000_000).as("milliseconds until green").isLessThan(3000);
    }
  }

  @Test
  void aClientInventingVersions_keepsAtMostTwentyRowsForItsIdentity() throws Exception {
    try (TestServer s = TestServer.start(target)) {
      String token = s.newIngestToken("laptops");
      long jane = OrgSetup.developer(s, "jane@example.com");
      Instant at = s.clock().instant().minusSeconds(3600);
      for (int i = 0; i < 30; i++) {
        send(s, token, "jane@example.com", "s" + i, at.plusSeconds(i), "9.9." + i, "vscode");
        if (i % 7 == 0) {
          s.app().writeSeen(); // across several runs of the seen writer, not only within one
        }
      }
      s.app().writeSeen();

      assertThat(status(s, jane).get("clientVersions").size()).isEqualTo(20);
      assertThat(s.queryOne("SELECT COUNT(*) FROM identity_clients")).isEqualTo("20");
    }
  }

  @Test
  void adminApiDays_andGitCommits_resolvedByEmail() throws Exception {
    Path dataDir = Files.createTempDirectory("yardstick-status");
    LocalDate today = TestClock.today();
    String dev = AdminDataset.email(1);
    AdminDataset data = new AdminDataset(6, 5);
    Path repos = Files.createDirectories(dataDir.resolve("repos"));
    SmallRepo repo = new SmallRepo(Files.createDirectories(repos.resolve("app"))).startingAt(today.minusDays(10));
    repo.commit(dev, "a.txt", 5, "one");
    repo.commit(dev, "a.txt", 7, "two");
    repo.commit("someone@else.example", "b.txt", 2, "three");
    TreeSet<LocalDate> days = new TreeSet<>();
    for (LocalDate d = today.minusDays(6); !d.isAfter(today); d = d.plusDays(1)) {
      LocalDate day = d;
      data.rows(d).stream().filter(r -> r.actor().equals(dev)).forEach(r -> days.add(day));
    }
    List<Instant> authored = new ArrayList<>();
    for (String line : repo.git("log", "--format=%aI", "--author=" + dev).strip().split("\n")) {
      authored.add(java.time.OffsetDateTime.parse(line).toInstant());
    }
    try (FakeAdminApi fake = new FakeAdminApi(data, 50);
        TestServer s = TestServer.start(target, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString(),
            "YARDSTICK_DATA_DIR", dataDir.toString(), "YARDSTICK_REPOSITORY_ROOTS", repos.toString()))) {
      long id = OrgSetup.developer(s, dev);
      HttpResponse<String> saved = OrgSetup.call(s, "PUT", "/api/v1/integrations/anthropic",
          "{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + today.minusDays(6) + "\"}");
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      TeamHistoryContract.awaitSync(s);
      OrgSetup.follow(s, "app", repo.dir);

      JsonNode st = status(s, id);

      assertThat(days).isNotEmpty();
      assertThat(st.get("adminApi").toString()).isEqualTo("{\"days\":" + days.size() + ",\"firstDay\":\"" + days.first()
          + "\",\"lastDay\":\"" + days.last() + "\"}");
      assertThat(st.get("git").get("commits").asLong()).isEqualTo(2);
      assertThat(Instant.parse(st.get("git").get("firstAt").asText())).isEqualTo(authored.stream().min(Instant::compareTo).orElseThrow());
      assertThat(Instant.parse(st.get("git").get("lastAt").asText())).isEqualTo(authored.stream().max(Instant::compareTo).orElseThrow());
      assertThat(st.get("identifiedBy").findValuesAsText("path")).containsExactly("admin-api", "git");
      assertThat(st.get("firstEventAt").isNull()).isTrue();
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
