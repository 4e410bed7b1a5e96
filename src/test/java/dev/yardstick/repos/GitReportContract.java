package dev.yardstick.repos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.git.LargeRepo;
import dev.yardstick.git.Scenario;
import dev.yardstick.git.SyntheticRepo;
import dev.yardstick.git.SyntheticRepo.Truth;
import dev.yardstick.model.Emails;
import dev.yardstick.testing.GitHttpServer;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repositories end to end: imported through the API, every report figure against the synthetic repository's truth. */
abstract class GitReportContract {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate FROM = LocalDate.ofInstant(SyntheticRepo.START, ZoneOffset.UTC);
  static final LocalDate TO = FROM.plusDays(60);
  static Path repoDir;
  static Scenario scenario;

  TestDatabases.Target target;
  TestServer server;

  abstract TestDatabases.Target newTarget();

  @BeforeAll
  static void buildRepository() throws Exception {
    repoDir = Files.createTempDirectory("yardstick-git").resolve("scenario");
    scenario = Scenario.build(repoDir);
  }

  @BeforeEach
  void start() throws Exception {
    target = newTarget();
    server = TestServer.start(target, Map.of("YARDSTICK_GIT_ALLOW_HTTP", "true"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    TestDatabases.drop(target);
  }

  static HttpResponse<String> call(TestServer s, String method, String path, String body) throws Exception {
    return s.send(s.api(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Adds a repository by path and waits for its import; returns its status. */
  static JsonNode addAndImport(TestServer s, String name, Path path) throws Exception {
    return await(s, add(s, name, path));
  }

  /** Adds a repository by path; its import starts and runs on. Returns its id. */
  static long add(TestServer s, String name, Path path) throws Exception {
    HttpResponse<String> r = call(s, "POST", "/api/v1/repositories", "{\"name\":\"" + name + "\",\"path\":\"" + path + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  static JsonNode await(TestServer s, long id) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(call(s, "GET", "/api/v1/repositories/" + id, null).body());
      if (!status.path("import").isNull() && !status.path("import").path("state").asText().equals("running")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the import did not end");
  }

  static Map<String, JsonNode> byKey(JsonNode report) {
    Map<String, JsonNode> out = new HashMap<>();
    report.get("rows").forEach(r -> out.put(r.get("key").asText(), r));
    return out;
  }

  @Test
  void import_reportsEveryFigurePerAuthor_asTheRepositoryWasBuilt() throws Exception {
    server.developer(Scenario.ALICE);
    server.developer(Scenario.BOB);
    server.developer("carol@example.com");
    JsonNode devs = JSON.readTree(call(server, "GET", "/api/v1/developers", null).body());
    String carolId = null;
    for (JsonNode d : devs.get("developers")) {
      if (d.get("email").asText().equals("carol@example.com")) {
        carolId = d.get("id").asText();
      }
    }
    assertThat(call(server, "POST", "/api/v1/developers/" + carolId + "/aliases",
        "{\"kind\":\"git_email\",\"value\":\"" + Scenario.CAROL + "\"}").statusCode()).isEqualTo(201);

    JsonNode status = addAndImport(server, "scenario", repoDir);
    assertThat(status.get("import").get("state").asText()).as(status.toString()).isEqualTo("done");
    assertThat(status.get("state").asText()).isEqualTo("following");
    Map<String, JsonNode> rows = byKey(server.report(FROM.toString(), TO.toString(), "developer"));

    Map<String, String> keyOf = Map.of(Scenario.ALICE, Scenario.ALICE, Scenario.BOB, Scenario.BOB,
        Scenario.CAROL, "carol@example.com", Scenario.DAN, "unattributed");
    Set<String> defective = new HashSet<>();
    scenario.repo.blamedBy.keySet().forEach(m -> defective.add(scenario.repo.byMark(m).sha));
    for (Truth t : scenario.repo.truth.values()) {
      if (t.revert) {
        scenario.repo.truth.values().stream().filter(x -> x.sha != null && x.mark != t.mark && x.sha.startsWith(revertedSha(t)))
            .forEach(x -> defective.add(x.sha));
      }
    }
    for (String author : keyOf.keySet()) {
      double commits = 0, added = 0, removed = 0, ai = 0, reworked = 0, aiAdded = 0, aiReworked = 0, defects = 0, aiDefects = 0;
      for (Truth t : scenario.repo.truth.values()) {
        if (t.merge || !t.author.equals(author)) {
          continue;
        }
        int rw = scenario.repo.reworked.getOrDefault(t.mark, 0);
        commits++;
        added += t.added;
        removed += t.removed;
        reworked += rw;
        defects += defective.contains(t.sha) ? 1 : 0;
        if (t.ai) {
          ai++;
          aiAdded += t.added;
          aiReworked += rw;
          aiDefects += defective.contains(t.sha) ? 1 : 0;
        }
      }
      JsonNode row = rows.get(keyOf.get(author));
      String who = author + " " + row;
      assertThat(row.get("commits").asDouble()).as(who).isEqualTo(commits);
      assertThat(row.get("committedLinesAdded").asDouble()).as(who).isEqualTo(added);
      assertThat(row.get("committedLinesRemoved").asDouble()).as(who).isEqualTo(removed);
      assertThat(row.get("aiCoAuthoredCommits").asDouble()).as(who).isEqualTo(ai);
      assertThat(row.get("reworkPercent").asDouble()).as(who).isEqualTo(Math.round(10000.0 * reworked / added) / 100.0);
      assertThat(row.get("defectRate").asDouble()).as(who).isEqualTo(Math.round(10000.0 * defects / commits) / 10000.0);
      if (aiAdded > 0) {
        assertThat(row.get("reworkPercentAiCoAuthored").asDouble()).as(who).isEqualTo(Math.round(10000.0 * aiReworked / aiAdded) / 100.0);
        assertThat(row.get("defectRateAiCoAuthored").asDouble()).as(who).isEqualTo(Math.round(10000.0 * aiDefects / ai) / 10000.0);
      }
      assertThat(row.get("aiUsagePercent").isNull()).as("no telemetry, no AI usage %: " + who).isTrue();
    }
    assertThat(defective).hasSize(5);
    JsonNode unmatched = JSON.readTree(call(server, "GET", "/api/v1/identities/unmatched", null).body());
    assertThat(unmatched.toString()).contains(Scenario.DAN).contains("\"git\"").doesNotContain("carol@users");

    // a mirror of the same history counts once
    Path mirror = Files.createTempDirectory("yardstick-mirror").resolve("copy");
    new ProcessBuilder("git", "clone", "-q", repoDir.toString(), mirror.toString()).inheritIO().start().waitFor();
    addAndImport(server, "mirror", mirror);
    Map<String, JsonNode> again = byKey(server.report(FROM.toString(), TO.toString(), "org"));
    assertThat(again.values().iterator().next().get("commits").asInt())
        .isEqualTo((int) scenario.repo.truth.values().stream().filter(t -> !t.merge).count());
  }

  @Test
  void twoImportsAtOnce_ofClonesOfOneHistory_bothSucceed_andEveryCommitCountsOnce() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-shared");
    LargeRepo.build(dir.resolve("origin"), 3000, 11);
    for (String copy : new String[] {"a", "b"}) {
      new SmallRepo(dir, false).git("clone", "-q", dir.resolve("origin").toString(), dir.resolve(copy).toString());
    }
    SmallRepo origin = new SmallRepo(dir.resolve("origin"), false);
    int all = Integer.parseInt(origin.git("rev-list", "--count", "main"));
    int nonMerge = Integer.parseInt(origin.git("rev-list", "--count", "--no-merges", "main"));

    long a = add(server, "a", dir.resolve("a")); // each import starts as it is added: the two run at once
    long b = add(server, "b", dir.resolve("b"));
    JsonNode first = await(server, a);
    JsonNode second = await(server, b);
    for (JsonNode status : new JsonNode[] {first, second}) {
      assertThat(status.get("import").get("state").asText()).as(status.toString()).isEqualTo("done");
      assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("following");
      assertThat(status.get("lastError").isNull()).as(status.toString()).isTrue();
    }
    assertThat(Instant.parse(first.get("import").get("startedAt").asText()))
        .as("the imports overlapped").isBefore(Instant.parse(second.get("import").get("finishedAt").asText()));
    assertThat(Instant.parse(second.get("import").get("startedAt").asText()))
        .as("the imports overlapped").isBefore(Instant.parse(first.get("import").get("finishedAt").asText()));
    assertThat(first.get("import").get("newCommits").asInt() + second.get("import").get("newCommits").asInt()).isEqualTo(all);
    JsonNode org = server.report(FROM.toString(), FROM.plusDays(120).toString(), "org").get("rows").get(0);
    assertThat(org.get("commits").asInt()).isEqualTo(nonMerge);
    assertThat(server.queryOne("SELECT COUNT(*) FROM commits")).isEqualTo(Integer.toString(all));
    assertThat(server.queryOne("SELECT COUNT(*) FROM repository_commits")).isEqualTo(Integer.toString(2 * all));
  }

  @Test
  void aFailedWrite_isReportedInWords_neverAsSql() throws Exception {
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-sqlfail"));
    repo.commit("erin@example.com", "a.txt", 10, "first");
    repo.commit("erin@example.com", "a.txt", 3, "second");
    server.execute("ALTER TABLE rework_links RENAME TO rework_links_away");
    JsonNode status = addAndImport(server, "app", repo.dir);
    String words = "the import failed on the server's side (the server log has the details); the next follow tries again";
    assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("failed");
    assertThat(status.get("lastError").asText()).isEqualTo(words);
    assertThat(status.get("import").get("error").asText()).isEqualTo(words);
  }

  private static String revertedSha(Truth revert) {
    return revert.revertOf == null ? "-" : revert.revertOf;
  }

  @Test
  void following_addsNewCommitsOnce_andAForcePushRemovesWhatIsNoLongerOnTheBranch() throws Exception {
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-follow"));
    repo.commit("erin@example.com", "a.txt", 10, "first");
    repo.commit("erin@example.com", "a.txt", 5, "second");
    JsonNode first = addAndImport(server, "follow", repo.dir);
    long id = first.get("id").asLong();
    assertThat(orgRow().get("commits").asInt()).isEqualTo(2);

    repo.commit("erin@example.com", "b.txt", 7, "third\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    assertThat(call(server, "POST", "/api/v1/repositories/" + id + "/import", null).statusCode()).isEqualTo(202);
    JsonNode followed = await(server, id);
    assertThat(followed.get("import").get("newCommits").asInt()).isEqualTo(1);
    call(server, "POST", "/api/v1/repositories/" + id + "/import", null);
    await(server, id);
    JsonNode org = orgRow();
    assertThat(org.get("commits").asInt()).isEqualTo(3);
    assertThat(org.get("committedLinesAdded").asInt()).isEqualTo(22);
    assertThat(org.get("aiCoAuthoredCommits").asInt()).isEqualTo(1);

    repo.git("reset", "-q", "--hard", "HEAD~2");
    repo.commit("erin@example.com", "c.txt", 4, "rewritten");
    call(server, "POST", "/api/v1/repositories/" + id + "/import", null);
    JsonNode rewritten = await(server, id);
    assertThat(rewritten.get("historyNote").asText()).contains("rewritten").contains("2 commits no longer on it");
    org = orgRow();
    assertThat(org.get("commits").asInt()).isEqualTo(2);
    assertThat(org.get("committedLinesAdded").asInt()).isEqualTo(14);
    assertThat(org.get("aiCoAuthoredCommits").asInt()).isZero();
  }

  private JsonNode orgRow() throws Exception {
    return server.report("2026-01-01", "2026-12-31", "org").get("rows").get(0);
  }

  @Test
  void aCloneUrl_isMirroredAndFollowed_andRemovingARepositoryRemovesWhatOnlyItReached() throws Exception {
    Path served = Files.createTempDirectory("yardstick-url");
    SmallRepo source = new SmallRepo(Files.createDirectory(served.resolve("source")));
    source.commit("erin@example.com", "a.txt", 10, "first");
    try (GitHttpServer remote = new GitHttpServer(served)) {
      mirrorAndFollow(source, remote);
      assertThat(remote.requests()).as("git's smart HTTP requests").isNotEmpty().noneMatch(GitHttpServer.Request::authorization);
    }
  }

  private void mirrorAndFollow(SmallRepo source, GitHttpServer remote) throws Exception {
    HttpResponse<String> r = call(server, "POST", "/api/v1/repositories",
        "{\"name\":\"remote\",\"url\":\"" + remote.url("source") + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = JSON.readTree(r.body()).get("id").asLong();
    assertThat(await(server, id).get("state").asText()).isEqualTo("following");
    source.commit("erin@example.com", "a.txt", 4, "second");
    call(server, "POST", "/api/v1/repositories/" + id + "/import", null);
    assertThat(await(server, id).get("import").get("newCommits").asInt()).isEqualTo(1);
    assertThat(orgRow().get("committedLinesAdded").asInt()).isEqualTo(14);

    addAndImport(server, "local", source.dir); // the same history by path
    assertThat(call(server, "DELETE", "/api/v1/repositories/" + id, null).statusCode()).isEqualTo(204);
    assertThat(orgRow().get("commits").asInt()).isEqualTo(2); // still reached by the other one
    long local = JSON.readTree(call(server, "GET", "/api/v1/repositories", null).body()).get("repositories").get(0).get("id").asLong();
    assertThat(call(server, "DELETE", "/api/v1/repositories/" + local, null).statusCode()).isEqualTo(204);
    assertThat(orgRow().get("commits").isNull()).isTrue();
    assertThat(call(server, "GET", "/api/v1/repositories/" + local, null).statusCode()).isEqualTo(404);
    assertThat(call(server, "POST", "/api/v1/repositories", "{\"name\":\"bad\",\"path\":\"/nonexistent\"}").statusCode())
        .isEqualTo(400);
  }
}
