package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded H2 file is rewritten without old row versions when its last user closes it, never under another user. */
class ITCompactOnClose {
  /** Rewrites one wide row many times, in separate transactions: each leaves an old version behind in the file. */
  private static void churn(Database db) {
    db.jdbi().useHandle(h -> h.execute("CREATE TABLE churn (id INT PRIMARY KEY, body VARCHAR(20000))"));
    db.jdbi().useHandle(h -> h.execute("INSERT INTO churn VALUES (1, '')"));
    for (int i = 0; i < 3_000; i++) {
      String body = (i + "-").repeat(8_000).substring(0, 8_000);
      db.jdbi().useHandle(h -> h.createUpdate("UPDATE churn SET body = :b WHERE id = 1").bind("b", body).execute());
    }
  }

  private static long size(Path dir) throws Exception {
    return Files.size(dir.resolve("yardstick.mv.db"));
  }

  @Test
  void aPlainClose_leavesTheOldVersions_aCompactingCloseDropsThem() throws Exception {
    Path plain = Files.createTempDirectory("yardstick-plain");
    Path compacted = Files.createTempDirectory("yardstick-compacted");
    for (Path dir : new Path[] {plain, compacted}) {
      Database db = new Database(Database.embeddedUrl(dir), Optional.empty(), Optional.empty(), 4);
      db.start();
      churn(db);
      if (dir == plain) {
        db.close();
      } else {
        db.closeCompacted();
      }
    }
    assertThat(size(compacted)).as("compacted %d, plain close %d", size(compacted), size(plain)).isLessThan(size(plain) / 2);
  }

  @Test
  void aUserThatIsNotTheLast_onlyCloses_andTheOtherGoesOn_andTheDataStays() throws Exception {
    Path dir = Files.createTempDirectory("yardstick-compact");
    String url = Database.embeddedUrl(dir);
    Database db = new Database(url, Optional.empty(), Optional.empty(), 4);
    db.start();
    churn(db);
    Database other = new Database(url, Optional.empty(), Optional.empty(), 2); // a second server of this process
    other.start();
    db.closeCompacted(); // not alone: it only closes
    int rows = other.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM churn").mapTo(Integer.class).one());
    assertThat(rows).as("the other user still reads it").isEqualTo(1);
    other.closeCompacted();

    Database again = new Database(url, Optional.empty(), Optional.empty(), 2);
    again.start();
    String body = again.jdbi().withHandle(h -> h.createQuery("SELECT body FROM churn").mapTo(String.class).one());
    assertThat(body).startsWith("2999-2999-");
    again.close();
  }
}
