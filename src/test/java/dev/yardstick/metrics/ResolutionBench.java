package dev.yardstick.metrics;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.DayKey;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.ReportQueries;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What identity resolution adds to a report: the developer report over a year for 1,000 developers
 * with 5,000 aliases, with resolution (aliases, teams, dated memberships, loaded fresh each time)
 * against the same report keyed by each identity's best raw identifier, in one run.
 *
 * <p>Usage: ResolutionBench [jdbcUrl|h2] [rounds]
 */
public final class ResolutionBench {
  private static final int DEVELOPERS = 1000;
  private static final int ALIASES_PER_DEVELOPER = 5;
  private static final LocalDate FROM = LocalDate.parse("2025-11-01");
  private static final LocalDate TO = FROM.plusDays(364);

  private ResolutionBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 && !args[0].equals("h2") ? args[0]
        : Database.embeddedUrl(Files.createTempDirectory("resolutionbench"));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    try (Database db = new Database(url, Optional.of("postgres").filter(u -> url.startsWith("jdbc:postgresql")), Optional.empty(), 4)) {
      db.start();
      long org = new OrgStore(db).ensureDefault(Instant.now());
      long rows = populate(db, org);
      ReportQueries queries = new ReportQueries(db);
      OrgStore orgs = new OrgStore(db);
      PeopleStore peopleStore = new PeopleStore(db);
      long[] plain = new long[rounds];
      long[] resolved = new long[rounds];
      int rowCount = 0;
      for (int r = 0; r < rounds; r++) { // interleaved, so that noise hits both alike
        long t0 = System.nanoTime();
        rowCount = unresolvedReport(queries, org).size();
        plain[r] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        // a fresh PeopleService: the resolver is loaded from the database every time, no cache
        ReportService service = new ReportService(queries, null, null, orgs, new PeopleService(peopleStore, Clock.systemUTC()), 3);
        int n = service.report(org, FROM, TO, GroupBy.DEVELOPER, Viewer.ADMIN).rows().size();
        resolved[r] = System.nanoTime() - t0;
        if (n < DEVELOPERS) {
          throw new IllegalStateException("resolved report has " + n + " rows");
        }
      }
      double p = median(plain) / 1e6;
      double q = median(resolved) / 1e6;
      System.out.printf("%s: %d developers, %d aliases, %d daily rows over %s..%s%n", db.describe().split(" ")[0], DEVELOPERS,
          DEVELOPERS * ALIASES_PER_DEVELOPER, rows, FROM, TO);
      System.out.printf("developer report without resolution (%d rows): median %.1f ms%n", rowCount, p);
      System.out.printf("developer report with resolution: median %.1f ms  -> resolution adds %.1f%%%n", q, (q / p - 1) * 100);
    }
  }

  /** The report as issue 2 built it: keyed by each identity's best raw identifier, no aliases, no teams. */
  static List<ReportRow> unresolvedReport(ReportQueries queries, long org) {
    List<UsageRow> rows = queries.usageByDayAndIdentity(org, FROM, TO);
    Map<Long, Identity> identities = queries.identities(org);
    List<ResolvedRow> keyed = new ArrayList<>(rows.size());
    for (UsageRow r : rows) {
      keyed.add(new ResolvedRow(r.day(), r.identityId(), null, r.values()));
    }
    UsageReport.Naming naming = new UsageReport.Naming() {
      @Override
      public String developer(long id) {
        return identities.getOrDefault(id, Identity.UNKNOWN).bestKey();
      }

      @Override
      public List<String> teamAndAncestors(long teamId) {
        return List.of();
      }

      @Override
      public String org() {
        return "Default";
      }
    };
    return UsageReport.build(keyed, GroupBy.DEVELOPER, FROM, TO, naming, Viewer.ADMIN, 3, List.of());
  }

  /** 1,000 developers in 20 teams (a tenth moved team mid-year), 5 identities and 5 aliases each, a usage row per working day. */
  private static long populate(Database db, long org) throws Exception {
    PeopleStore people = new PeopleStore(db);
    Instant now = Instant.now();
    List<Long> teams = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      teams.add(people.team(org, "team-" + t, null, now));
    }
    SplittableRandom random = new SplittableRandom(42);
    long rows = 0;
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      PreparedStatement identity = c.prepareStatement("INSERT INTO identities (org_id, key_hi, key_lo, email, service_name,"
          + " account_uuid, account_id, user_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      PreparedStatement usage = c.prepareStatement("INSERT INTO identity_days (id, org_id, usage_day, identity_id, "
          + String.join(", ", Arrays.stream(UsageField.values()).map(UsageField::column).toList()) + ", events, detail, rev)"
          + " VALUES (?, ?, ?, ?" + ", ?".repeat(UsageField.count()) + ", 0, '', 0)");
      for (int d = 0; d < DEVELOPERS; d++) {
        String email = "dev" + d + "@example.com";
        long dev = people.createDeveloper(org, email, "Developer " + d, null, null, now);
        people.moveToTeam(org, dev, teams.get(d % 20), FROM);
        if (d % 10 == 0) {
          people.moveToTeam(org, dev, teams.get((d + 1) % 20), FROM.plusDays(180));
        }
        String[][] ids = {{email, null, null, null, "u-" + d}, {null, null, "acct-" + d, null, null},
            {null, null, null, "user_01" + d, null}, {null, "box-" + d, null, null, null}, {null, null, null, null, "u2-" + d}};
        people.addAlias(org, dev, new RawId(AliasKind.USER_ID, "u-" + d), "bench", true, now);
        people.addAlias(org, dev, new RawId(AliasKind.ACCOUNT_UUID, "acct-" + d), "bench", false, now);
        people.addAlias(org, dev, new RawId(AliasKind.ACCOUNT_ID, "user_01" + d), "bench", false, now);
        people.addAlias(org, dev, new RawId(AliasKind.SERVICE_NAME, "box-" + d), "bench", false, now);
        people.addAlias(org, dev, new RawId(AliasKind.USER_ID, "u2-" + d), "bench", false, now);
        long[] identityIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
          identity.setLong(1, org);
          identity.setLong(2, d);
          identity.setLong(3, i);
          for (int f = 0; f < 5; f++) {
            identity.setString(4 + f, ids[i][f]);
          }
          identity.setObject(9, now.atOffset(ZoneOffset.UTC));
          identity.setObject(10, now.atOffset(ZoneOffset.UTC));
          identity.executeUpdate();
          try (var keys = identity.getGeneratedKeys()) {
            keys.next();
            identityIds[i] = keys.getLong(1);
          }
        }
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
          if (day.getDayOfWeek().getValue() > 5) {
            continue;
          }
          long identityId = identityIds[random.nextInt(identityIds.length)];
          usage.setLong(1, DayKey.of(day, identityId));
          usage.setLong(2, org);
          usage.setDate(3, Date.valueOf(day));
          usage.setLong(4, identityId);
          for (int f = 0; f < UsageField.count(); f++) {
            usage.setDouble(5 + f, random.nextInt(1000));
          }
          usage.addBatch();
          rows++;
        }
        usage.executeBatch();
        c.commit();
      }
    }
    return rows;
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
