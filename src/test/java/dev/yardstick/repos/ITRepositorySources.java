package dev.yardstick.repos;

import static dev.yardstick.repos.GitReportContract.JSON;
import static dev.yardstick.repos.GitReportContract.await;
import static dev.yardstick.repos.GitReportContract.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.testing.GitHttpServer;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where repositories may come from: https clone URLs; plain http only when allowed and never with a
 * token; local paths only inside the configured roots, after symlinks and "..". A refused source is
 * refused before anything is read or contacted, and a failed fetch says nothing of the network.
 */
class ITRepositorySources {
  @Test
  void onlyHttpsUrls_andNoTransportOrOptionGetsThrough() throws Exception {
    Path served = Files.createTempDirectory("yardstick-served");
    new SmallRepo(Files.createDirectory(served.resolve("app"))).commit("erin@example.com", "a.txt", 3, "first");
    try (GitHttpServer remote = new GitHttpServer(served); TestServer server = TestServer.start(TestDatabases.h2())) {
      String https = "\"url\" must be an https:// clone URL";
      refused(server, "{\"name\":\"r\",\"url\":\"" + remote.url("app") + "\"}",
          "\"url\" must be an https:// clone URL (plain http:// is turned off: YARDSTICK_GIT_ALLOW_HTTP)");
      refused(server, "{\"name\":\"r\",\"url\":\"file://" + served.resolve("app") + "\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"ext::sh -c touch% /tmp/yardstick-pwned\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"fd::17\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"ssh://git@127.0.0.1/app.git\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"git@127.0.0.1:app.git\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"--upload-pack=touch /tmp/yardstick-pwned\"}", https);
      refused(server, "{\"name\":\"r\",\"url\":\"https://127.0.0.1/a b\"}", "\"url\" is not a valid https:// clone URL");
      refused(server, "{\"name\":\"r\",\"url\":\"https://user:secret@127.0.0.1/app.git\"}",
          "\"url\" must not carry a user name or password: give the token in \"token\"");
      refused(server, "{\"name\":\"r\",\"url\":\"https://127.0.0.1/app.git\",\"branch\":\"--output=/tmp/yardstick-pwned\"}",
          "\"branch\" is not a valid branch name");
      assertThat(remote.requests()).as("nothing refused was contacted").isEmpty();
      assertThat(Path.of("/tmp/yardstick-pwned")).doesNotExist();
      assertThat(JSON.readTree(call(server, "GET", "/api/v1/repositories", null).body()).get("repositories")).isEmpty();
    }
  }

  @Test
  void plainHttp_onlyWhenAllowed_andNeverWithAToken() throws Exception {
    Path served = Files.createTempDirectory("yardstick-served");
    SmallRepo app = new SmallRepo(Files.createDirectory(served.resolve("app")));
    app.commit("erin@example.com", "a.txt", 3, "first");
    try (GitHttpServer remote = new GitHttpServer(served);
        TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_GIT_ALLOW_HTTP", "true"))) {
      refused(server, "{\"name\":\"r\",\"url\":\"" + remote.url("app") + "\",\"token\":\"ghp_secret\"}",
          "a token is sent only over https://: give an https:// URL");
      assertThat(remote.requests()).isEmpty();
      HttpResponse<String> r = call(server, "POST", "/api/v1/repositories", "{\"name\":\"app\",\"url\":\"" + remote.url("app") + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode done = await(server, JSON.readTree(r.body()).get("id").asLong());
      assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("following");
      assertThat(done.get("import").get("newCommits").asInt()).isEqualTo(1);
      assertThat(remote.requests()).isNotEmpty().noneMatch(GitHttpServer.Request::authorization);
    }
  }

  @Test
  void aFailedFetch_saysTheSameForAClosedPortAndAMissingRepository_andNothingOfTheNetwork() throws Exception {
    Path served = Files.createTempDirectory("yardstick-served");
    int closed = TestServer.freePort();
    try (GitHttpServer remote = new GitHttpServer(served);
        TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_GIT_ALLOW_HTTP", "true"))) {
      String closedUrl = "https://127.0.0.1:" + closed + "/internal.git";
      String missingUrl = remote.url("missing.git");
      JsonNode refusedPort = added(server, "closed", closedUrl);
      JsonNode missing = added(server, "missing", missingUrl);
      assertThat(missing.get("state").asText()).isEqualTo("failed");
      assertThat(remote.requests()).as("the missing repository was asked for").isNotEmpty();
      String words = ": the address did not answer as a git repository, or refused the request or the token"
          + " (git's message is in the server log)";
      assertThat(refusedPort.get("lastError").asText()).isEqualTo("could not fetch " + closedUrl + words);
      assertThat(missing.get("lastError").asText()).isEqualTo("could not fetch " + missingUrl + words);
      assertThat(refusedPort.get("import").get("error").asText()).isEqualTo("could not fetch " + closedUrl + words);
    }
  }

  @Test
  void localPaths_onlyInsideTheRoots_afterSymlinksAndDotDot() throws Exception {
    Path root = Files.createTempDirectory("yardstick-root").toRealPath();
    Path outside = Files.createTempDirectory("yardstick-outside").toRealPath();
    SmallRepo inside = new SmallRepo(Files.createDirectory(root.resolve("app")));
    inside.commit("erin@example.com", "a.txt", 4, "first");
    SmallRepo secret = new SmallRepo(Files.createDirectory(outside.resolve("secret")));
    secret.commit("erin@example.com", "s.txt", 9, "secret");
    Files.createSymbolicLink(root.resolve("link"), outside.resolve("secret"));
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_REPOSITORY_ROOTS", root.toString()))) {
      String mustBeInside = "\"path\" must be a git repository inside " + root + " (YARDSTICK_REPOSITORY_ROOTS)";
      refused(server, path(outside.resolve("secret")), mustBeInside);
      refused(server, path(root.resolve("..").resolve(outside.getFileName()).resolve("secret")), mustBeInside);
      refused(server, path(root.resolve("link")), mustBeInside);
      refused(server, path(outside.resolve("no-such-directory")), mustBeInside); // existence outside is never probed
      refused(server, path(Path.of("/etc")), mustBeInside);
      refused(server, "{\"name\":\"r\",\"path\":\"app\"}", "\"path\" must be an absolute path");
      refused(server, path(root.resolve("none")), "\"path\" is not a git repository this server can read: " + root.resolve("none"));
      JsonNode ok = added(server, "app", null, root.resolve("app"));
      assertThat(ok.get("state").asText()).as(ok.toString()).isEqualTo("following");
      assertThat(ok.get("import").get("newCommits").asInt()).isEqualTo(1);
    }
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_REPOSITORY_ROOTS", ""))) {
      refused(server, path(root.resolve("app")), "\"path\" cannot be used: this server reads no local repositories"
          + " (YARDSTICK_REPOSITORY_ROOTS is not set); give an https:// clone URL");
    }
  }

  @Test
  void aRepositorysOwnDiffDrivers_neverRun_whenItIsRead() throws Exception {
    Path root = Files.createTempDirectory("yardstick-root").toRealPath();
    Path marker = root.resolve("driver-ran");
    Path driver = root.resolve("driver.sh"); // what a textconv or external diff of the repository's config would run
    Files.writeString(driver, "#!/bin/sh\ntouch " + marker + "\ncat \"$1\" \"$1\"\n");
    driver.toFile().setExecutable(true);
    SmallRepo app = new SmallRepo(Files.createDirectory(root.resolve("app")));
    app.git("config", "diff.evil.textconv", driver.toString());
    app.git("config", "diff.external", driver.toString());
    Files.writeString(app.dir.resolve(".gitattributes"), "*.txt diff=evil\n");
    app.git("add", ".gitattributes");
    app.commit("erin@example.com", "a.txt", 4, "first");
    app.commit("erin@example.com", "a.txt", 2, "fix: second");
    try (TestServer server = TestServer.start(TestDatabases.h2(), Map.of("YARDSTICK_REPOSITORY_ROOTS", root.toString()))) {
      JsonNode done = added(server, "app", null, root.resolve("app"));
      assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("following");
      assertThat(done.get("import").get("newCommits").asInt()).isEqualTo(2);
      assertThat(marker).as("a command from the repository's own configuration ran").doesNotExist();
    }
  }

  private static String path(Path p) {
    return "{\"name\":\"r\",\"path\":\"" + p + "\"}";
  }

  private static void refused(TestServer server, String body, String message) throws Exception {
    HttpResponse<String> r = call(server, "POST", "/api/v1/repositories", body);
    assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("message").asText()).as(body).isEqualTo(message);
  }

  private static JsonNode added(TestServer server, String name, String url) throws Exception {
    return added(server, name, url, null);
  }

  private static JsonNode added(TestServer server, String name, String url, Path path) throws Exception {
    String body = "{\"name\":\"" + name + "\"," + (url != null ? "\"url\":\"" + url : "\"path\":\"" + path) + "\"}";
    HttpResponse<String> r = call(server, "POST", "/api/v1/repositories", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return await(server, JSON.readTree(r.body()).get("id").asLong());
  }
}
