package dev.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.AdminDataset;
import dev.yardstick.testing.FakeAdminApi;
import dev.yardstick.testing.TestClock;
import dev.yardstick.testing.TestDatabases;
import dev.yardstick.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `anthropic sync --from --to` beside a running server: a progress bar, the days stored, a clear refusal without a key. */
class ITAnthropicCommand {
  @Test
  void syncsTheRange_withAProgressBar() throws Exception {
    LocalDate today = TestClock.today(); // the server's today
    LocalDate from = today.minusDays(4);
    AdminDataset data = new AdminDataset(30, 11);
    TestDatabases.Target db = TestDatabases.h2();
    Path dir = Files.createTempDirectory("yardstick-cli");
    try (FakeAdminApi fake = new FakeAdminApi(data, 20);
        TestServer server = TestServer.start(db, Map.of("YARDSTICK_ANTHROPIC_API_URL", fake.url().toString(),
            "YARDSTICK_DATA_DIR", dir.toString()))) {
      Map<String, String> env = Map.of("YARDSTICK_DB_URL", db.url(), "YARDSTICK_DATA_DIR", dir.toString(),
          "YARDSTICK_ANTHROPIC_API_URL", fake.url().toString());
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Cli.Io io = new Cli.Io(env, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
      assertThat(Cli.run(io, "anthropic", "sync", "--from", from.toString())).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("No Admin API key is saved");

      server.send(server.api("/api/v1/integrations/anthropic").header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"adminApiKey\":\"" + FakeAdminApi.ADMIN_KEY + "\",\"backfillFrom\":\"" + today + "\"}")));
      err.reset();
      int code = Cli.run(io, "anthropic", "sync", "--from", from.toString(), "--to=" + today.minusDays(1));

      String out = err.toString(StandardCharsets.UTF_8);
      assertThat(code).as(out).isZero();
      assertThat(out).contains("[##############################] 100%").contains("4/4 days").contains("synced 4 days");
      double expected = data.totals(from, today.minusDays(1)).get("sessions");
      assertThat(Double.parseDouble(server.queryOne("SELECT SUM(sessions) FROM anthropic_activity"))).isEqualTo(expected);
    }
  }
}
