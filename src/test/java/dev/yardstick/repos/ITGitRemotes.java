package dev.yardstick.repos;

import static dev.yardstick.repos.GitReportContract.JSON;
import static dev.yardstick.repos.GitReportContract.add;
import static dev.yardstick.repos.GitReportContract.await;
import static dev.yardstick.repos.GitReportContract.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.SilentRemote;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A remote that accepts the connection and never answers, next to a healthy repository: the stuck
 * one times out and says so, the healthy one is imported and followed on schedule meanwhile, and
 * the stuck one can be deleted while its fetch hangs.
 */
class ITGitRemotes {
  static final int TIMEOUT_SECONDS = 10;

  @Test
  void aStuckRemote_timesOut_neverHoldsUpAHealthyRepository_andCanBeDeletedWhileItHangs() throws Exception {
    TestClock clock = new TestClock();
    Path data = Files.createTempDirectory("yardstick-stuck-data");
    SmallRepo healthy = new SmallRepo(Files.createTempDirectory("yardstick-healthy"));
    healthy.commit("erin@example.com", "a.txt", 10, "first");
    healthy.commit("erin@example.com", "a.txt", 5, "second");
    try (SilentRemote stuck = new SilentRemote();
        TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_DATA_DIR", data.toString(),
            "YARDSTICK_GIT_TIMEOUT_SECONDS", Integer.toString(TIMEOUT_SECONDS)), clock)) {
      String url = "https://127.0.0.1:" + stuck.port() + "/stuck.git";
      Instant added = Instant.now();
      HttpResponse<String> r = call(server, "POST", "/api/v1/repositories", "{\"name\":\"stuck\",\"url\":\"" + url + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      long stuckId = JSON.readTree(r.body()).get("id").asLong();
      long healthyId = add(server, "healthy", healthy.dir);
      JsonNode first = await(server, healthyId);
      assertThat(first.get("import").get("state").asText()).as(first.toString()).isEqualTo("done");
      assertThat(first.get("import").get("newCommits").asInt()).isEqualTo(2);
      assertThat(status(server, stuckId).get("import").get("state").asText()).isEqualTo("running"); // the healthy one did not wait
      assertThat(stuck.accepted()).as("git reached the stuck remote").isPositive();

      JsonNode failed = awaitWithin(server, stuckId, Duration.ofSeconds(TIMEOUT_SECONDS + 20));
      Duration took = Duration.between(added, Instant.now());
      String expected = "fetching " + url + " did not finish within " + TIMEOUT_SECONDS
          + " s and was stopped (YARDSTICK_GIT_TIMEOUT_SECONDS); the next follow tries again";
      assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("failed");
      assertThat(failed.get("lastError").asText()).isEqualTo(expected);
      assertThat(failed.get("import").get("error").asText()).isEqualTo(expected);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(TIMEOUT_SECONDS));
      assertThat(eventually(Duration.ofSeconds(5), () -> gitProcessesFor(stuck.port()).isEmpty() && stuck.open() == 0))
          .as("git and its helpers are gone: %s", gitProcessesFor(stuck.port())).isTrue();

      // the scheduler waits for the follow interval (10 minutes by default), the failed one too ...
      int before = stuck.accepted();
      healthy.commit("erin@example.com", "b.txt", 7, "third");
      Thread.sleep(4000);
      assertThat(orgCommits(server)).isEqualTo(2);
      assertThat(stuck.accepted()).as("no retry before the interval").isEqualTo(before);
      // ... then fetches both, each on its own: the healthy one is done while the stuck one still hangs
      clock.advance(Duration.ofMinutes(11));
      assertThat(eventually(Duration.ofSeconds(TIMEOUT_SECONDS - 2), () -> orgCommits(server) == 3))
          .as("the scheduler followed the healthy repository").isTrue();
      JsonNode followed = status(server, healthyId);
      assertThat(followed.get("import").get("newCommits").asInt()).isEqualTo(1);
      assertThat(followed.get("state").asText()).isEqualTo("following");
      JsonNode hanging = status(server, stuckId);
      assertThat(hanging.get("import").get("state").asText()).as(hanging.toString()).isEqualTo("running");
      assertThat(eventually(Duration.ofSeconds(3), () -> stuck.accepted() > before)).as("the stuck one was tried again").isTrue();

      // deleting the stuck one while its fetch hangs stops the fetch and answers at once
      Instant asked = Instant.now();
      HttpResponse<String> deleted = call(server, "DELETE", "/api/v1/repositories/" + stuckId, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(TIMEOUT_SECONDS / 2));
      assertThat(call(server, "GET", "/api/v1/repositories/" + stuckId, null).statusCode()).isEqualTo(404);
      assertThat(eventually(Duration.ofSeconds(5), () -> gitProcessesFor(stuck.port()).isEmpty() && stuck.open() == 0))
          .as("the hanging fetch was stopped: %s", gitProcessesFor(stuck.port())).isTrue();
      assertThat(data.resolve("repositories").resolve(Long.toString(stuckId))).doesNotExist();
      assertThat(status(server, healthyId).get("state").asText()).isEqualTo("following");
    }
  }

  @Test
  void deletingOnAnotherServer_stopsTheFetchHangingHere() throws Exception {
    TestDatabases.Target db = TestDatabases.postgres();
    Map<String, String> shared = Map.of("YARDSTICK_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "YARDSTICK_GIT_TIMEOUT_SECONDS", "120");
    try (SilentRemote stuck = new SilentRemote(); TestServer here = TestServer.start(db, shared);
        TestServer there = TestServer.start(db, shared)) {
      String url = "https://127.0.0.1:" + stuck.port() + "/stuck.git";
      HttpResponse<String> r = call(here, "POST", "/api/v1/repositories", "{\"name\":\"stuck\",\"url\":\"" + url + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      long id = JSON.readTree(r.body()).get("id").asLong();
      assertThat(eventually(Duration.ofSeconds(10), () -> stuck.accepted() > 0)).isTrue();

      HttpResponse<String> deleted = call(there, "DELETE", "/api/v1/repositories/" + id, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      assertThat(call(here, "GET", "/api/v1/repositories/" + id, null).statusCode()).isEqualTo(404);
      assertThat(eventually(Duration.ofSeconds(10), () -> here.app().repositories().progress(id)
          .map(p -> !p.state().equals("running")).orElse(false))).as("the import here ended").isTrue();
      assertThat(here.app().repositories().progress(id).orElseThrow().error()).isEqualTo("stopped: the repository was deleted");
      assertThat(eventually(Duration.ofSeconds(5), () -> gitProcessesFor(stuck.port()).isEmpty() && stuck.open() == 0))
          .as("the hanging fetch was stopped: %s", gitProcessesFor(stuck.port())).isTrue();
    } finally {
      TestDatabases.drop(db);
    }
  }

  static JsonNode status(TestServer s, long id) throws Exception {
    return JSON.readTree(call(s, "GET", "/api/v1/repositories/" + id, null).body());
  }

  static JsonNode awaitWithin(TestServer s, long id, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode st = status(s, id);
      if (!st.path("import").isNull() && !st.path("import").path("state").asText().equals("running")) {
        return st;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the import of " + id + " did not end within " + limit + ": " + status(s, id));
  }

  static int orgCommits(TestServer s) {
    try {
      JsonNode row = s.report("2026-01-01", "2026-12-31", "org").get("rows").get(0);
      return row.get("commits").isNull() ? 0 : row.get("commits").asInt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  /** This JVM's child processes (git and its transport helpers) whose command line names the port. */
  static List<String> gitProcessesFor(int port) {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains(":" + port)).toList();
  }
}
