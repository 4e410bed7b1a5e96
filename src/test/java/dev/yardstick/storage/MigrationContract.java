package dev.yardstick.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.identity.TeamHistory;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database written by an earlier version: its rollups and pending increments become day rows;
 * its facts, without a token, can still be removed.
 */
abstract class MigrationContract {
  private static final LocalDate DAY = LocalDate.parse("2026-11-02");
  private TestDatabases.Target target;
  private Database db;

  abstract TestDatabases.Target newTarget();

  @AfterEach
  void tearDown() {
    if (db != null) {
      db.close();
    }
    TestDatabases.drop(target);
  }

  @Test
  void version6_turnsRollupsAndPendingIncrementsIntoDayRows() throws Exception {
    target = newTarget();
    Flyway.configure().dataSource(target.url(), target.user().orElse(null), target.password().orElse(null))
        .locations("classpath:db/migration/common").target("5").load().migrate();
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO orgs (id, name, time_zone, created_at) VALUES (1, 'Default', 'UTC', CURRENT_TIMESTAMP)");
      for (int id = 7; id <= 8; id++) {
        s.execute("INSERT INTO identities (id, org_id, key_hi, key_lo, email, first_seen, last_seen) VALUES (" + id
            + ", 1, " + id + ", 0, 'dev" + id + "@example.com', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
      s.execute(usage(7, DAY, "", "commits", 2));
      s.execute(usage(7, DAY, "claude-sonnet-5", "cost_usd", 0.5));
      s.execute("INSERT INTO edit_decisions_daily VALUES (1, DATE '2026-11-02', 7, 'Edit', 'accept', 'Java', 'config', 3)");
      s.execute("INSERT INTO events_daily VALUES (1, DATE '2026-11-02', 7, 'api_request', 4)");
      // what ingest had not folded in yet: more for the same day, and a day only the pending rows know
      s.execute("INSERT INTO rollup_pending (org_id, increments) VALUES (1, '"
          + "U\t1\t2026-11-02\t7\tclaude-sonnet-5\t,,,,,1.0,,0.25,,,,,,\n"
          + "D\t1\t2026-11-02\t7\tEdit\taccept\tJava\tconfig\t1.0\n"
          + "E\t1\t2026-11-03\t8\tuser_prompt\t2.0\n')");
    }

    db = new Database(target.url(), target.user(), target.password(), 2);
    db.start();

    List<UsageRow> rows = new ReportQueries(db).usageByDayAndIdentity(1, DAY, DAY.plusDays(1)).stream()
        .sorted(Comparator.comparing(UsageRow::day)).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).identityId()).isEqualTo(7);
    assertThat(rows.get(0).get(UsageField.COMMITS)).isEqualTo(3);
    assertThat(rows.get(0).get(UsageField.COST_USD)).isEqualTo(0.75);
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT detail, events FROM identity_days ORDER BY id");
      rs.next();
      DayDetail first = DayDetailText.decode(rs.getString(1));
      assertThat(first.models.get("claude-sonnet-5")[UsageField.COST_USD.ordinal()]).isEqualTo(0.75);
      assertThat(first.models).doesNotContainKey("");
      assertThat(first.decisions).containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "Java", "config"), 4.0));
      assertThat(first.events).containsOnly(Map.entry("api_request", 4L));
      assertThat(rs.getLong(2)).isEqualTo(4);
      rs.next();
      assertThat(DayDetailText.decode(rs.getString(1)).events).containsOnly(Map.entry("user_prompt", 2L));
      assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM rollup_pending")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void version8_opensEachDevelopersFirstMembership_unlessItsDateWasTypedBeforeTheyWereCreated() throws Exception {
    target = newTarget();
    var config = Flyway.configure().dataSource(target.url(), target.user().orElse(null), target.password().orElse(null))
        .locations("classpath:db/migration/common").javaMigrations(new IdentityDaysMigration());
    MigrationVersion eight = MigrationVersion.fromVersion("8");
    MigrationVersion before = java.util.Arrays.stream(config.load().info().all()).map(MigrationInfo::getVersion)
        .filter(v -> v.compareTo(eight) < 0).max(Comparator.naturalOrder()).orElseThrow();
    config.target(before).load().migrate(); // every version before 8, whichever exist
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO orgs (id, name, time_zone, created_at) VALUES (1, 'Default', 'UTC', CURRENT_TIMESTAMP)");
      s.execute("INSERT INTO teams (id, org_id, name, created_at) VALUES (10, 1, 'Platform', CURRENT_TIMESTAMP),"
          + " (11, 1, 'Payments', CURRENT_TIMESTAMP), (12, 1, 'Security', CURRENT_TIMESTAMP)");
      String[] created = {"2026-11-05 10:00:00+00:00", "2026-11-05 10:00:00+00:00", "2026-11-06 02:00:00+05:00",
          "2026-11-05 10:00:00+00:00", "2026-11-05 10:00:00+00:00"};
      for (int d = 1; d <= 5; d++) {
        s.execute("INSERT INTO developers (id, org_id, email, name, created_at) VALUES (" + d + ", 1, 'd" + d + "@example.com', 'D"
            + d + "', TIMESTAMP WITH TIME ZONE '" + created[d - 1] + "')");
      }
      s.execute("INSERT INTO team_memberships (id, org_id, developer_id, team_id, valid_from, valid_to) VALUES"
          + " (1, 1, 1, 10, DATE '2026-11-05', NULL)," // created with a team: dated its creation day
          + " (2, 1, 2, 10, DATE '2026-10-01', DATE '2026-11-10'), (3, 1, 2, 11, DATE '2026-11-10', NULL)," // a typed earlier date
          + " (4, 1, 3, 10, DATE '2026-11-05', DATE '2026-11-20'), (5, 1, 3, 11, DATE '2026-11-20', NULL)," // 21:00 UTC on the 5th
          + " (6, 1, 4, 10, DATE '2026-11-01', DATE '2026-11-20'), (7, 1, 4, 12, DATE '2026-11-10', NULL)"); // overlapping
    }

    db = new Database(target.url(), target.user(), target.password(), 2);
    db.start();

    MembershipStore m = new PeopleStore(db).memberships();
    LocalDate nov = LocalDate.parse("2026-11-01");
    assertThat(m.of(1, 1)).containsExactly(new TeamHistory.Entry(1, 10, null, null));
    assertThat(m.of(1, 2)).containsExactly(new TeamHistory.Entry(2, 10, LocalDate.parse("2026-10-01"), nov.plusDays(9)),
        new TeamHistory.Entry(3, 11, nov.plusDays(9), null));
    assertThat(m.of(1, 3)).containsExactly(new TeamHistory.Entry(4, 10, null, nov.plusDays(19)),
        new TeamHistory.Entry(5, 11, nov.plusDays(19), null));
    assertThat(m.of(1, 4)).containsExactly(new TeamHistory.Entry(6, 10, nov, nov.plusDays(9)),
        new TeamHistory.Entry(7, 12, nov.plusDays(9), null));
    assertThat(m.of(1, 5)).isEmpty();
  }

  @Test
  void version7_factsStoredBefore_areAnUnknownToken_andAreRemovedByIdentity_rebuiltFromTheOldPayloadForm() throws Exception {
    target = newTarget();
    Flyway.configure().dataSource(target.url(), target.user().orElse(null), target.password().orElse(null))
        .locations("classpath:db/migration/common").javaMigrations(new IdentityDaysMigration()).target("6").load().migrate();
    long late = DAY.minusDays(1).atTime(23, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000_000L;
    long early = DAY.atTime(1, 0).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000_000L;
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null), target.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO orgs (id, name, time_zone, created_at) VALUES (1, 'Default', 'UTC', CURRENT_TIMESTAMP)");
      s.execute("INSERT INTO identities (id, org_id, key_hi, key_lo, email, first_seen, last_seen) VALUES (7, 1, 7, 0,"
          + " 'jane@example.com', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      // a group in the form written before the compact one, from late on the day before into the day: 1 + 4 commits
      s.execute(fact(1, late, DAY.minusDays(1), 2, "[{\"name\":\"claude_code.commit.count\",\"temporality\":\"delta\","
          + "\"start\":" + (late - 60) + ",\"time\":" + late + ",\"value\":1.0,\"dims\":{}},{\"name\":\"claude_code.commit.count\","
          + "\"temporality\":\"delta\",\"start\":" + (early - 60) + ",\"time\":" + early + ",\"value\":4.0,\"dims\":{}}]"));
      s.execute(fact(2, early + 60, DAY, 1, "{\"temporality\":\"delta\",\"start\":" + early + ",\"time\":" + (early + 60)
          + ",\"points\":[[\"claude_code.commit.count\",2.0,{}]]}"));
      s.execute(dayRow(DAY.minusDays(1), 1));
      s.execute(dayRow(DAY, 4 + 2));
    }
    db = new Database(target.url(), target.user(), target.password(), 2);
    db.start();

    TelemetryRemoval.Outcome o = new TelemetryRemoval(db, new OrgStore(db))
        .run(1, new TelemetryRemoval.Filter(null, java.util.Set.of(7L), DAY, DAY), 1L, java.time.Instant.now());

    Map<String, Long> unknown = new java.util.HashMap<>();
    unknown.put(null, 1L);
    assertThat(o.groupsByToken()).isEqualTo(unknown);
    assertThat(o.figures()[UsageField.COMMITS.ordinal()]).isEqualTo(2);
    List<UsageRow> rows = new ReportQueries(db).usageByDayAndIdentity(1, DAY.minusDays(1), DAY).stream()
        .sorted(Comparator.comparing(UsageRow::day)).toList();
    assertThat(rows).extracting(r -> r.get(UsageField.COMMITS)).containsExactly(1.0, 4.0);
  }

  private static String fact(long key, long minTime, LocalDate firstDay, int items, String payload) {
    return "INSERT INTO fact_groups (org_id, key_hi, key_lo, signal, identity_id, first_day, min_time_ns, item_count, session_id,"
        + " terminal_type, app_version, attributes, payload, received_at) VALUES (1, " + key + ", 0, 'M', 7, DATE '" + firstDay
        + "', " + minTime + ", " + items + ", 's1', 'vscode', '2.1.0', '{}', '" + payload + "', CURRENT_TIMESTAMP)";
  }

  private static String dayRow(LocalDate day, double commits) {
    StringBuilder values = new StringBuilder();
    for (UsageField f : UsageField.values()) {
      values.append(f == UsageField.COMMITS ? commits : 0).append(", ");
    }
    return "INSERT INTO identity_days VALUES (" + DayKey.of(day, 7) + ", 1, DATE '" + day + "', 7, " + values + "0, '', 0)";
  }

  private static String usage(long identity, LocalDate day, String model, String column, double value) {
    StringBuilder values = new StringBuilder();
    for (UsageField f : UsageField.values()) {
      values.append(", ").append(f.column().equals(column) ? value : 0);
    }
    return "INSERT INTO usage_daily (org_id, usage_day, identity_id, model, "
        + String.join(", ", java.util.Arrays.stream(UsageField.values()).map(UsageField::column).toList())
        + ") VALUES (1, DATE '" + day + "', " + identity + ", '" + model + "'" + values + ")";
  }
}
