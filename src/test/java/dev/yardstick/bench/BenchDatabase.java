package dev.yardstick.bench;

import dev.yardstick.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** The database a storage benchmark writes to: a JDBC URL, or "h2" for a fresh H2 file; started, migrated. */
final class BenchDatabase {
  private BenchDatabase() {}

  static Database open(String urlOrH2, String tempPrefix) throws IOException {
    String url = urlOrH2 != null && !urlOrH2.equals("h2") ? urlOrH2 : Database.embeddedUrl(Files.createTempDirectory(tempPrefix));
    Optional<String> user = Optional.ofNullable(System.getenv("PGUSER")).or(() -> Optional.of("postgres"))
        .filter(u -> url.startsWith("jdbc:postgresql"));
    Database db = new Database(url, user, Optional.empty(), 4);
    db.start();
    return db;
  }
}
