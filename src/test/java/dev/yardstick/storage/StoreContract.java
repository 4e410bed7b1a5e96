package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static dev.yardstick.TestData.byEmail;
import static dev.yardstick.TestData.cumulative;
import static dev.yardstick.TestData.delta;
import static dev.yardstick.TestData.event;
import static dev.yardstick.TestData.group;
import static dev.yardstick.TestData.logs;
import static dev.yardstick.TestData.metrics;
import static dev.yardstick.TestData.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.FactGroup;
import dev.yardstick.model.Identity;
import dev.yardstick.model.Plausibility;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage contract, run on every database through the production migrations. */
abstract class StoreContract {
  private TestDatabases.Target target;
  Database db;
  OrgStore orgs;
  TokenStore tokens;
  TelemetryStore telemetry;
  ReportQueries queries;
  long org;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 4);
    db.start();
    orgs = new OrgStore(db);
    tokens = new TokenStore(db);
    telemetry = new TelemetryStore(db, orgs);
    queries = new ReportQueries(db);
    org = orgs.ensureDefault(T0);
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  @Test
  void ensureDefault_twice_keepsOneOrganization() {
    assertThat(orgs.ensureDefault(T0)).isEqualTo(org);
    assertThat(orgs.name(org)).isEqualTo("Default");
    assertThat(orgs.zone(org)).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void write_deltaPoints_rollUpPerDayAndIdentity() throws Exception {
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    FactGroup g = group(jane, List.of(
        delta("claude_code.token.usage", 100, T0, "type", "input", "model", "claude-sonnet-5"),
        delta("claude_code.token.usage", 40, T0, "type", "output", "model", "claude-sonnet-5"),
        delta("claude_code.cost.usage", 0.25, T0, "model", "claude-sonnet-5"),
        delta("claude_code.lines_of_code.count", 12, T0, "type", "added"),
        delta("claude_code.lines_of_code.count", 3, T0, "type", "removed"),
        delta("claude_code.code_edit_tool.decision", 2, T0, "decision", "accept", "tool_name", "Edit"),
        delta("claude_code.code_edit_tool.decision", 1, T0, "decision", "reject", "tool_name", "Write"),
        delta("claude_code.session.count", 1, T0, "start_type", "fresh"),
        delta("claude_code.active_time.total", 30.5, T0, "type", "user"),
        delta("claude_code.active_time.total", 4.5, T0, "type", "cli")), List.of());

    List<TelemetryStore.Outcome> out = telemetry.write(List.of(metrics(org, g)), T0);

    assertThat(out).containsExactly(new TelemetryStore.Outcome(10, 0));
    UsageRow row = single(queries.usageByDayAndIdentity(org, day(T0), day(T0)));
    assertThat(row.get(UsageField.TOKENS_INPUT)).isEqualTo(100);
    assertThat(row.get(UsageField.TOKENS_OUTPUT)).isEqualTo(40);
    assertThat(row.get(UsageField.COST_USD)).isEqualTo(0.25);
    assertThat(row.get(UsageField.LINES_ADDED)).isEqualTo(12);
    assertThat(row.get(UsageField.LINES_REMOVED)).isEqualTo(3);
    assertThat(row.get(UsageField.EDITS_ACCEPTED)).isEqualTo(2);
    assertThat(row.get(UsageField.EDITS_REJECTED)).isEqualTo(1);
    assertThat(row.get(UsageField.SESSIONS)).isEqualTo(1);
    assertThat(row.get(UsageField.ACTIVE_USER_SECONDS)).isEqualTo(30.5);
    assertThat(row.get(UsageField.ACTIVE_CLI_SECONDS)).isEqualTo(4.5);
    assertThat(queries.identities(org)).containsEntry(row.identityId(), byEmail("jane@example.com"));
    assertThat(count("SELECT COUNT(*) FROM identity_days")).isEqualTo(1);
    DayDetail detail = detail();
    assertThat(detail.models.keySet()).containsExactly("claude-sonnet-5");
    assertThat(detail.models.get("claude-sonnet-5")[UsageField.TOKENS_INPUT.ordinal()]).isEqualTo(100);
    assertThat(detail.models.get("claude-sonnet-5")[UsageField.COST_USD.ordinal()]).isEqualTo(0.25);
    assertThat(detail.decisions).containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "", ""), 2.0),
        Map.entry(new DayDetail.Decision("Write", "reject", "", ""), 1.0));
  }

  @Test
  void write_manyExportsOfADay_addToOneRow_andItsModels() throws Exception {
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    for (int i = 0; i < 5; i++) {
      telemetry.write(List.of(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 1, T0.plusSeconds(i)),
          delta("claude_code.cost.usage", 0.5, T0.plusSeconds(i), "model", "m" + (i % 2))), List.of()))), T0);
    }

    UsageRow row = single(queries.usageByDayAndIdentity(org, day(T0), day(T0)));
    assertThat(row.get(UsageField.COMMITS)).isEqualTo(5);
    assertThat(row.get(UsageField.COST_USD)).isEqualTo(2.5);
    assertThat(count("SELECT COUNT(*) FROM identity_days")).isEqualTo(1);
    assertThat(count("SELECT rev FROM identity_days")).isEqualTo(4); // written five times
    DayDetail detail = detail();
    assertThat(detail.models.get("m0")[UsageField.COST_USD.ordinal()]).isEqualTo(1.5);
    assertThat(detail.models.get("m1")[UsageField.COST_USD.ordinal()]).isEqualTo(1.0);
  }

  @Test
  void write_rowChangedByAnotherServer_addsToWhatIsThere() throws Exception {
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    TelemetryStore other = new TelemetryStore(db, orgs); // a second server on the same database
    for (int i = 0; i < 6; i++) {
      TelemetryStore store = i % 3 == 2 ? other : telemetry; // each finds the row changed by the other at times
      store.write(List.of(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 1, T0.plusSeconds(i)),
          delta("claude_code.cost.usage", 0.25, T0.plusSeconds(i), "model", "m"),
          delta("claude_code.code_edit_tool.decision", 1, T0.plusSeconds(i), "decision", "accept", "tool_name", "Edit")),
          List.of()))), T0);
    }

    UsageRow row = single(queries.usageByDayAndIdentity(org, day(T0), day(T0)));
    assertThat(row.get(UsageField.COMMITS)).isEqualTo(6);
    DayDetail detail = detail();
    assertThat(detail.models.get("m")[UsageField.COST_USD.ordinal()]).isEqualTo(1.5);
    assertThat(detail.decisions).containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "", ""), 6.0));
    assertThat(count("SELECT rev FROM identity_days")).isEqualTo(5);
  }

  @Test
  void report_readsOnlyTheDaysAsked_ofItsOrganization() throws Exception {
    long other = orgs.create("Other", ZoneId.of("UTC"), T0);
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    for (int d = -1; d <= 1; d++) {
      write(jane, delta("claude_code.commit.count", 10 + d, T0.plusSeconds(86_400L * d)));
    }
    telemetry.write(List.of(metrics(other, group(jane, List.of(delta("claude_code.commit.count", 7, T0)), List.of()))), T0);

    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(10);
    assertThat(queries.usageByDayAndIdentity(org, day(T0).minusDays(1), day(T0).plusDays(1))).hasSize(3);
    assertThat(queries.usageByDayAndIdentity(org, LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 2))).isEmpty();
    assertThat(queries.usageByDayAndIdentity(org, day(T0).plusDays(2), LocalDate.of(9999, 12, 31))).isEmpty();
  }

  @Test
  void write_sameGroupAgain_countsOnce() throws Exception {
    FactGroup g = group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", 1, T0)), List.of());
    telemetry.write(List.of(metrics(org, g)), T0);

    List<TelemetryStore.Outcome> again = telemetry.write(List.of(metrics(org, g)), T0.plusSeconds(5));

    assertThat(again).containsExactly(new TelemetryStore.Outcome(0, 1));
    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM fact_groups")).isEqualTo(1);
  }

  @Test
  void write_sameGroupThroughAnotherServer_countsOnceByTheDatabaseKey() throws Exception {
    FactGroup first = group(session(byEmail("jane@example.com"), "s1"), List.of(delta("claude_code.commit.count", 1, T0)), List.of());
    FactGroup other = group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", 1, T0.plusSeconds(60))), List.of());
    telemetry.write(List.of(metrics(org, first)), T0);
    TelemetryStore anotherServer = new TelemetryStore(db, orgs); // remembers nothing of what was written

    List<TelemetryStore.Outcome> out = anotherServer.write(List.of(metrics(org, first), metrics(org, other)), T0);

    assertThat(out).containsExactly(new TelemetryStore.Outcome(0, 1), new TelemetryStore.Outcome(1, 0));
    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(2);
  }

  @Test
  void write_afterRestart_addsToTheDaysRows_andKeepsEverythingElseOfTheTransaction() throws Exception {
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    SessionContext joe = session(byEmail("joe@example.com"), "s2");
    telemetry.write(List.of(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 1, T0),
        delta("claude_code.code_edit_tool.decision", 2, T0, "decision", "accept", "tool_name", "Edit")), List.of()))), T0);
    TelemetryStore restarted = new TelemetryStore(db, orgs); // has seen none of the day's rows

    restarted.write(List.of(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 1, T0.plusSeconds(60)),
            delta("claude_code.code_edit_tool.decision", 1, T0.plusSeconds(60), "decision", "accept", "tool_name", "Edit")), List.of())),
        metrics(org, group(joe, List.of(delta("claude_code.commit.count", 5, T0.plusSeconds(60))), List.of()))), T0);
    restarted.write(List.of(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 1, T0.plusSeconds(120))), List.of()))), T0);

    List<UsageRow> rows = queries.usageByDayAndIdentity(org, day(T0), day(T0));
    assertThat(rows).extracting(r -> r.get(UsageField.COMMITS)).containsExactlyInAnyOrder(3.0, 5.0);
    assertThat(rows).extracting(r -> r.get(UsageField.EDITS_ACCEPTED)).containsExactlyInAnyOrder(3.0, 0.0);
    assertThat(count("SELECT COUNT(*) FROM fact_groups")).isEqualTo(4);
    assertThat(count("SELECT COUNT(*) FROM identity_days")).isEqualTo(2);
    assertThat(DayDetailText.decode(text("SELECT detail FROM identity_days WHERE edits_accepted > 0")).decisions)
        .containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "", ""), 3.0));
  }

  @Test
  void write_sameGroupTwiceInOneTransaction_countsOnce() throws Exception {
    FactGroup g = group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", 1, T0)), List.of());

    List<TelemetryStore.Outcome> out = telemetry.write(List.of(metrics(org, g), metrics(org, g)), T0);

    assertThat(out).containsExactly(new TelemetryStore.Outcome(1, 0), new TelemetryStore.Outcome(0, 1));
    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(1);
  }

  @Test
  void write_cumulativeSeries_addsDifferencesAndDetectsResets() throws Exception {
    SessionContext s = session(byEmail("jane@example.com"), "s1");
    Instant start = T0.minusSeconds(600);
    Instant restart = T0.plusSeconds(300);
    write(s, cumulative("claude_code.commit.count", 5, start, T0));
    write(s, cumulative("claude_code.commit.count", 8, start, T0.plusSeconds(60)));
    write(s, cumulative("claude_code.commit.count", 7, start, T0.plusSeconds(30))); // late point of the same run
    write(s, cumulative("claude_code.commit.count", 8, start, T0.plusSeconds(120))); // unchanged total
    write(s, cumulative("claude_code.commit.count", 2, restart, T0.plusSeconds(360))); // new run after a restart
    write(s, cumulative("claude_code.commit.count", 1, restart, T0.plusSeconds(420))); // drop within a run

    // 5 + 3 + 0 + 0 + 2 + 1 (a drop counts the new total, never a negative increment)
    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(11);
  }

  @Test
  void write_cumulativeFirstPointWithUnknownStart_isBaseline() throws Exception {
    SessionContext s = session(byEmail("jane@example.com"), "s1");
    write(s, cumulative("claude_code.session.count", 4, T0, T0));
    write(s, cumulative("claude_code.session.count", 6, T0, T0.plusSeconds(60)));

    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.SESSIONS)).isEqualTo(2);
  }

  @Test
  void write_cumulativeSeriesOfTwoSessions_keptApart() throws Exception {
    Instant start = T0.minusSeconds(60);
    write(session(byEmail("jane@example.com"), "s1"), cumulative("claude_code.commit.count", 3, start, T0));
    write(session(byEmail("jane@example.com"), "s2"), cumulative("claude_code.commit.count", 2, start, T0));

    assertThat(single(queries.usageByDayAndIdentity(org, day(T0), day(T0))).get(UsageField.COMMITS)).isEqualTo(5);
  }

  @Test
  void write_events_storedAndCountedPerName() throws Exception {
    SessionContext s = session(byEmail("jane@example.com"), "s1");
    FactGroup g = group(s, List.of(), List.of(event("api_request", T0, 1), event("api_request", T0, 2),
        event("user_prompt", T0, 3)));

    assertThat(telemetry.write(List.of(logs(org, g)), T0)).containsExactly(new TelemetryStore.Outcome(3, 0));

    assertThat(count("SELECT events FROM identity_days")).isEqualTo(3);
    assertThat(detail().events).containsOnly(Map.entry("api_request", 2L), Map.entry("user_prompt", 1L));
    assertThat(text("SELECT payload FROM fact_groups")).contains("\"name\":\"api_request\"", "\"sequence\":2");
  }

  @Test
  void write_identityInManyExports_keepsOneRowWithFirstAndLastSeen() throws Exception {
    Identity jane = new Identity(null, null, "jane@example.com", null, null, "abc123", null);
    write(session(jane, "s1"), delta("claude_code.commit.count", 1, T0));
    write(session(jane, "s2"), delta("claude_code.commit.count", 1, T0.plusSeconds(3600)));

    assertThat(queries.identities(org)).hasSize(1).containsValue(jane);
    assertThat(count("SELECT COUNT(*) FROM identities WHERE last_seen > first_seen")).isZero(); // written by the fold
    telemetry.writeSeen();
    assertThat(count("SELECT COUNT(*) FROM identities WHERE last_seen > first_seen")).isEqualTo(1);
  }

  @Test
  void write_orgTimeZone_decidesTheDay() throws Exception {
    long pacific = orgs.create("Pacific", ZoneId.of("America/Los_Angeles"), T0);
    Instant lateEvening = Instant.parse("2026-11-03T05:00:00Z"); // 21:00 on Nov 2 in Los Angeles
    FactGroup g = group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", 1, lateEvening)), List.of());

    telemetry.write(List.of(metrics(pacific, g)), T0);

    assertThat(single(queries.usageByDayAndIdentity(pacific, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02")))
        .get(UsageField.COMMITS)).isEqualTo(1);
  }

  @Test
  void write_twoOrganizations_neverMix() throws Exception {
    long other = orgs.create("Other", ZoneId.of("UTC"), T0);
    FactGroup g = group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", 1, T0)), List.of());

    telemetry.write(List.of(metrics(other, g)), T0);
    List<TelemetryStore.Outcome> mine = telemetry.write(List.of(metrics(org, g)), T0);

    assertThat(mine).containsExactly(new TelemetryStore.Outcome(1, 0)); // same content, other org: not a duplicate
    assertThat(queries.usageByDayAndIdentity(org, day(T0), day(T0))).hasSize(1);
    assertThat(queries.identities(org)).hasSize(1);
    assertThat(queries.identities(other)).hasSize(1).doesNotContainKeys(queries.identities(org).keySet().toArray(Long[]::new));
  }

  @Test
  void write_totalsBeyondTheLargestExactInteger_saturateThere_neverOverflow() throws Exception {
    SessionContext jane = session(byEmail("jane@example.com"), "s1");
    TelemetryStore anotherServer = new TelemetryStore(db, orgs); // finds the rows as it did not write them
    // ingest refuses such values now; rows written before the limits existed may hold them
    for (int i = 0; i < 4; i++) {
      (i == 2 ? anotherServer : telemetry).write(List.of(metrics(org, group(jane, List.of(delta("claude_code.lines_of_code.count",
          1.7e308, T0.plusSeconds(i), "type", "added", "model", "m")), List.of()))), T0);
    }
    write(jane, delta("claude_code.lines_of_code.count", 5, T0.plusSeconds(9), "type", "added", "model", "m"));

    UsageRow row = single(queries.usageByDayAndIdentity(org, day(T0), day(T0)));
    assertThat(row.get(UsageField.LINES_ADDED)).isEqualTo(Plausibility.MAX_SUM);
    assertThat(detail().models.get("m")[UsageField.LINES_ADDED.ordinal()]).isEqualTo(Plausibility.MAX_SUM);
  }

  @Test
  void ingestTokens_createListRevoke() {
    tokens.createIngestToken(org, "abcd1234", "laptops", "f".repeat(64), T0);

    assertThat(tokens.listIngestTokens(org)).extracting(TokenStore.IngestTokenInfo::name).containsExactly("laptops");
    assertThat(tokens.findIngestToken("abcd1234")).get().extracting(TokenStore.IngestTokenSecret::orgId).isEqualTo(org);
    assertThat(tokens.revokeIngestToken(org + 1, "abcd1234", T0)).isFalse(); // another org cannot revoke it
    assertThat(tokens.revokeIngestToken(org, "abcd1234", T0)).isTrue();
    assertThat(tokens.listIngestTokens(org)).extracting(TokenStore.IngestTokenInfo::revokedAt).containsExactly(T0); // listed as revoked
    assertThat(tokens.findIngestToken("abcd1234")).get().extracting(TokenStore.IngestTokenSecret::revoked).isEqualTo(true);
  }

  @Test
  void ingestTokens_touch_recordsLastUsed() {
    tokens.createIngestToken(org, "abcd1234", "laptops", "f".repeat(64), T0);

    tokens.touchIngestTokens(Map.of("abcd1234", T0.plusSeconds(90)));
    tokens.touchIngestTokens(Map.of("abcd1234", T0.plusSeconds(30))); // an older time never moves it back

    assertThat(tokens.listIngestTokens(org).get(0).lastUsedAt()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void apiToken_createdTwice_keepsOne() throws Exception {
    tokens.createApiTokenIfAbsent(org, "bootstrap", "a".repeat(64), "admin", T0);
    tokens.createApiTokenIfAbsent(org, "bootstrap", "a".repeat(64), "admin", T0);

    assertThat(tokens.findApiToken("a".repeat(64))).get().extracting(TokenStore.ApiTokenRecord::role).isEqualTo("admin");
    assertThat(count("SELECT COUNT(*) FROM api_tokens")).isEqualTo(1);
  }

  private void write(SessionContext s, dev.yardstick.model.MetricPoint p) throws Exception {
    telemetry.write(List.of(metrics(org, group(s, List.of(p), List.of()))), T0);
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneId.of("UTC"));
  }

  private static UsageRow single(List<UsageRow> rows) {
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private DayDetail detail() throws Exception {
    return DayDetailText.decode(text("SELECT detail FROM identity_days"));
  }

  long count(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  String text(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
