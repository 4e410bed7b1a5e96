package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.repos.SmallRepo;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `repos add` and `repos import` beside a running server: a progress bar, commits stored once. */
class ITRepositoryCommand {
  @Test
  void addsAndImports_withAProgressBar_thenImportsOnlyNewCommits() throws Exception {
    TestDatabases.Target db = TestDatabases.h2();
    Path dir = Files.createTempDirectory("yardstick-cli-repos");
    SmallRepo repo = new SmallRepo(Files.createTempDirectory("yardstick-cli-repo"));
    repo.commit("erin@example.com", "a.txt", 12, "first");
    repo.commit("erin@example.com", "a.txt", 3, "second");
    try (TestServer server = TestServer.start(db, Map.of("YARDSTICK_DATA_DIR", dir.toString()))) {
      Map<String, String> env = Map.of("YARDSTICK_DB_URL", db.url(), "YARDSTICK_DATA_DIR", dir.toString(),
          "YARDSTICK_REPOSITORY_ROOTS", TestServer.TEMP_ROOT);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Cli.Io io = new Cli.Io(env, new PrintStream(out, true), new PrintStream(err, true));
      int code = Cli.run(io, "repos", "add", "--name", "app", "--path", repo.dir.toString());
      String text = err.toString(StandardCharsets.UTF_8);
      assertThat(code).as(text).isZero();
      assertThat(text).contains("[##############################] 100%").contains("app: 2 new commits");

      repo.commit("erin@example.com", "b.txt", 4, "third");
      err.reset();
      assertThat(Cli.run(io, "repos", "import", "app")).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("app: 1 new commit");
      assertThat(server.queryOne("SELECT COUNT(*) FROM commits")).isEqualTo("3");
      assertThat(server.queryOne("SELECT SUM(lines_added) FROM commits")).isEqualTo("19");
      assertThat(Cli.run(io, "repos", "list")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("app").contains("following");
    }
  }
}
