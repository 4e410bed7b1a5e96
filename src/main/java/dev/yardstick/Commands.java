package dev.yardstick;

import dev.yardstick.config.Config;
import dev.yardstick.people.PeopleCsv;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Commands that work on the configured database directly (beside a running server too). */
final class Commands {
  private Commands() {}

  /** {@code developers import <file.csv>} or {@code developers export [file.csv]}. */
  static int developers(List<String> args, Config config) throws Exception {
    if (args.isEmpty() || !(args.getFirst().equals("import") || args.getFirst().equals("export"))) {
      System.err.println("usage: yardstick developers import <file.csv> | developers export [file.csv]");
      return 2;
    }
    try (Database db = open(config)) {
      long org = new OrgStore(db).ensureDefault(Clock.systemUTC().instant());
      PeopleCsv csv = new PeopleCsv(new PeopleService(new PeopleStore(db), Clock.systemUTC()));
      if (args.getFirst().equals("import")) {
        if (args.size() < 2) {
          System.err.println("usage: yardstick developers import <file.csv>");
          return 2;
        }
        PeopleCsv.ImportResult r = csv.importCsv(org, Files.readString(Path.of(args.get(1))));
        System.out.printf("created %d, updated %d, teams created %d%n", r.created(), r.updated(), r.teamsCreated());
        r.errors().forEach(e -> System.err.println("skipped " + e));
        return r.errors().isEmpty() ? 0 : 1;
      }
      String out = csv.exportCsv(org);
      if (args.size() > 1) {
        Files.writeString(Path.of(args.get(1)), out);
      } else {
        System.out.print(out);
      }
      return 0;
    }
  }

  static Database open(Config config) {
    Database db = new Database(config.dbUrl().orElse(Database.embeddedUrl(config.dataDir())), config.dbUser(),
        config.dbPassword(), 2);
    db.start();
    return db;
  }
}
