package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's files are private, whatever the umask: the packaged server, started
 * under umask 000, keeps its data directory 0700 and every file in it 0600, including those H2
 * makes later (its trace file) and the temporary files of a large result.
 */
class ITDataFiles {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void underAnOpenUmask_theDataDirectoryAndEveryFileInItArePrivate() throws Exception {
    Path jar = dev.yardstick.testing.BuiltJar.path();
    Path root = Files.createTempDirectory("yardstick-files");
    Path data = root.resolve("data");
    int port = TestServer.freePort();
    Path tmp = Files.createDirectory(root.resolve("tmp"));
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "umask 000 && exec \"$0\" -Djava.io.tmpdir=\"$2\" -jar \"$1\" serve",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), jar.toString(), tmp.toString())
        .redirectErrorStream(true).redirectOutput(root.resolve("server.log").toFile());
    pb.environment().putAll(Map.of("YARDSTICK_HTTP_HOST", "127.0.0.1", "YARDSTICK_HTTP_PORT", Integer.toString(port),
        "YARDSTICK_OTLP_GRPC_PORT", "0", "YARDSTICK_DATA_DIR", data.toString()));
    pb.environment().remove("YARDSTICK_DB_URL");
    Process server = pb.start();
    try {
      awaitReady(port, root);
      // a second connection reaches the file through the server (AUTO_SERVER); the server writes the trace file
      Map<String, String> whileSorting;
      try (Connection c = DriverManager.getConnection(Database.embeddedUrl(data)); Statement s = c.createStatement()) {
        s.execute("SET TRACE_LEVEL_FILE 3");
        s.execute("SELECT COUNT(*) FROM users");
        s.execute("SET TRACE_LEVEL_FILE 1");
        // a result larger than MAX_MEMORY_ROWS is kept in a temporary file while it is read
        s.execute("SET MAX_MEMORY_ROWS 100");
        try (ResultSet big = s.executeQuery("SELECT X, SPACE(100) FROM SYSTEM_RANGE(1, 50000) ORDER BY X DESC")) {
          assertThat(big.next()).isTrue();
          whileSorting = modes(tmp);
          whileSorting.putAll(modes(data));
        }
      }
      Map<String, String> modes = modes(data);

      assertThat(modes).containsKeys("secret.key", "yardstick.mv.db", "yardstick.lock.db", "yardstick.trace.db");
      assertThat(modes).allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
      assertThat(whileSorting.keySet()).as("H2 made a temporary file").anyMatch(f -> f.endsWith(".temp.db"));
      assertThat(whileSorting).allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static Map<String, String> modes(Path dir) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        modes.put(f.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
      }
    }
    return modes;
  }

  private void awaitReady(int port, Path root) throws Exception {
    for (int i = 0; i < 600; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (Exception notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not become ready: " + Files.readString(root.resolve("server.log")));
  }
}
