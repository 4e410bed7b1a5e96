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

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.FactGroup;
import dev.yardstick.model.MetricPoint;
import dev.yardstick.model.SessionContext;
import dev.yardstick.model.TelemetryBatch;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Removing data, on every database through the production migrations: what the test planted with a
 * token (or of an identity, or on days) goes, and each day row holds exactly what the other planted
 * data adds up to, as counted by the test.
 */
abstract class RemovalContract {
  private static final LocalDate D = LocalDate.ofInstant(T0, ZoneOffset.UTC);
  private static final String A = "aaaa1111";
  private static final String B = "bbbb2222";
  private TestDatabases.Target target;
  private Database db;
  private OrgStore orgs;
  private TelemetryStore telemetry;
  private TelemetryRemoval removal;
  private ReportQueries queries;
  private long org;
  private final SessionContext jane = session(byEmail("jane@example.com"), "s1");
  private final SessionContext joe = session(byEmail("joe@example.com"), "s2");

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 6);
    db.start();
    orgs = new OrgStore(db);
    org = orgs.ensureDefault(T0);
    telemetry = new TelemetryStore(db, orgs);
    removal = new TelemetryRemoval(db, orgs);
    queries = new ReportQueries(db);
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  @Test
  void ingest_recordsTheTokenAndTheDayOfTheLatestItem() throws Exception {
    write(metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 1, T0),
        delta("claude_code.commit.count", 1, T0.plusSeconds(86_400 * 2))), List.of())));

    assertThat(text("SELECT ingest_token_id FROM fact_groups")).isEqualTo(A);
    assertThat(text("SELECT first_day FROM fact_groups")).isEqualTo(D.toString());
    assertThat(text("SELECT last_day FROM fact_groups")).isEqualTo(D.plusDays(2).toString());
    assertThat(text("SELECT removal_id FROM fact_groups")).isNull();
    assertThat(count("SELECT fact_span_days FROM orgs WHERE id = " + org)).isEqualTo(2);
    write(metrics(org, A, group(joe, List.of(delta("claude_code.commit.count", 1, T0)), List.of())));
    assertThat(count("SELECT fact_span_days FROM orgs WHERE id = " + org)).isEqualTo(2); // only ever raised
  }

  @Test
  void dryRun_saysExactlyWhatWouldGo_andChangesNothing() throws Exception {
    plantHonestAndPoisoned();
    List<String> before = dump();

    TelemetryRemoval.Outcome o = removal.run(org, byToken(B), null, T0);

    assertThat(o.factGroups()).isEqualTo(3);
    assertThat(o.points()).isEqualTo(4);
    assertThat(o.events()).isEqualTo(2);
    assertThat(o.days()).containsExactly(D, D.plusDays(1));
    assertThat(o.dayRows()).isEqualTo(3); // jane on D and D+1, joe on D
    assertThat(o.groupsByToken()).containsExactly(Map.entry(B, 3L));
    assertThat(o.groupsByIdentity().values()).containsExactlyInAnyOrder(2L, 1L);
    // how far the rows go down: each saturated at the largest exact integer, and jane's keeps its 12 honest lines
    assertThat(o.figures()[UsageField.LINES_ADDED.ordinal()]).isEqualTo(2 * dev.yardstick.model.Plausibility.MAX_SUM - 12);
    assertThat(o.figures()[UsageField.COMMITS.ordinal()]).isEqualTo(0);
    assertThat(o.eventsCounted()).isEqualTo(2);
    assertThat(dump()).isEqualTo(before);
  }

  @Test
  void removal_leavesEachRowWithExactlyTheDataThatStays_howeverLargeWhatWent() throws Exception {
    plantHonestAndPoisoned();
    // stored as data written before the limits existed could be; the row saturated and its 12 honest lines are lost in it
    assertThat(usage(jane(), D).get(UsageField.LINES_ADDED)).isEqualTo(dev.yardstick.model.Plausibility.MAX_SUM);

    TelemetryRemoval.Outcome o = removal.run(org, byToken(B), 7L, T0);

    assertThat(o.factGroups()).isEqualTo(3);
    UsageRow janeD = usage(jane(), D);
    assertThat(janeD.get(UsageField.LINES_ADDED)).isEqualTo(12);
    assertThat(janeD.get(UsageField.COMMITS)).isEqualTo(2);
    assertThat(janeD.get(UsageField.COST_USD)).isEqualTo(0.25);
    assertThat(janeD.get(UsageField.EDITS_ACCEPTED)).isEqualTo(1);
    assertThat(janeD.get(UsageField.EDITS_REJECTED)).isEqualTo(0);
    DayDetail detail = detail(jane(), D);
    assertThat(detail.models.keySet()).containsExactly("m1");
    assertThat(detail.models.get("m1")[UsageField.COST_USD.ordinal()]).isEqualTo(0.25);
    assertThat(detail.decisions).containsOnly(Map.entry(new DayDetail.Decision("Edit", "accept", "", ""), 1.0));
    assertThat(detail.events).isEmpty();
    assertThat(count("SELECT events FROM identity_days WHERE id = " + DayKey.of(D, jane()))).isZero();
    // jane's next day and joe held only what went: no row for the report, so their figures are unknown again
    assertThat(queries.usageByDayAndIdentity(org, D.plusDays(1), D.plusDays(1))).isEmpty();
    assertThat(queries.usageByDayAndIdentity(org, D, D)).extracting(UsageRow::identityId).containsExactly(jane());
    assertThat(count("SELECT COUNT(*) FROM fact_groups WHERE removal_id = 7 AND payload = '' AND ingest_token_id = '" + B + "'"))
        .isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM fact_groups WHERE removal_id IS NULL")).isEqualTo(1);
  }

  @Test
  void removedGroupSentAgain_isADuplicate_andAddsNothing() throws Exception {
    FactGroup poison = group(jane, List.of(delta("claude_code.lines_of_code.count", 1e300, T0, "type", "added")), List.of());
    write(metrics(org, A, group(jane, List.of(delta("claude_code.lines_of_code.count", 12, T0, "type", "added")), List.of())));
    write(metrics(org, B, poison));
    removal.run(org, byToken(B), 1L, T0);

    List<TelemetryStore.Outcome> again = telemetry.write(List.of(metrics(org, B, poison)), T0.plusSeconds(60));
    List<TelemetryStore.Outcome> viaOther = new TelemetryStore(db, orgs).write(List.of(metrics(org, A, poison)), T0);

    assertThat(again).containsExactly(new TelemetryStore.Outcome(0, 1));
    assertThat(viaOther).containsExactly(new TelemetryStore.Outcome(0, 1)); // a server that never saw it finds its key
    assertThat(usage(jane(), D).get(UsageField.LINES_ADDED)).isEqualTo(12);
    // after the removal the writer's remembered revision is stale: the next export still adds to what the row holds now
    write(metrics(org, A, group(jane, List.of(delta("claude_code.lines_of_code.count", 5, T0.plusSeconds(60), "type", "added")),
        List.of())));
    assertThat(usage(jane(), D).get(UsageField.LINES_ADDED)).isEqualTo(17);
  }

  @Test
  void removal_rebuildsFromGroupsThatStartedDaysBefore_alsoThoseStoredBeforeTheirLastDayWasRecorded() throws Exception {
    Instant before = T0.minusSeconds(86_400 * 3);
    write(metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 1, before),
        delta("claude_code.commit.count", 4, T0)), List.of()))); // a group from three days before, with a point on D
    write(metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 2, before.plusSeconds(60)),
        delta("claude_code.commit.count", 8, T0.plusSeconds(60))), List.of())));
    // as a group stored before the last day was recorded: its span is measured by the first removal
    execute("UPDATE fact_groups SET last_day = NULL WHERE min_time_ns = (SELECT MAX(min_time_ns) FROM fact_groups)");
    execute("UPDATE orgs SET legacy_span_days = NULL");
    write(metrics(org, B, group(joe, List.of(delta("claude_code.commit.count", 1000, T0)), List.of())));
    write(metrics(org, B, group(jane, List.of(delta("claude_code.commit.count", 1000, T0)), List.of())));

    TelemetryRemoval.Outcome o = removal.run(org, byToken(B), 3L, T0);

    assertThat(o.factGroups()).isEqualTo(2);
    assertThat(count("SELECT legacy_span_days FROM orgs WHERE id = " + org)).isEqualTo(3);
    assertThat(usage(jane(), D).get(UsageField.COMMITS)).isEqualTo(4 + 8);
    assertThat(usage(jane(), D.minusDays(3)).get(UsageField.COMMITS)).isEqualTo(1 + 2);
  }

  @Test
  void removalOfCumulativePoints_recountsTheLaterPointsOfTheSeries_andLeavesTheStateTheNextPointMeets() throws Exception {
    Instant start = T0.minusSeconds(600);
    write(metrics(org, A, group(jane, List.of(cumulative("claude_code.commit.count", 5, start, T0)), List.of())));
    write(metrics(org, B, group(jane, List.of(cumulative("claude_code.commit.count", 1000, start, T0.plusSeconds(60))),
        List.of())));
    Instant nextDay = T0.plusSeconds(86_400);
    write(metrics(org, A, group(jane, List.of(cumulative("claude_code.commit.count", 12, start, nextDay)), List.of())));
    assertThat(usage(jane(), D).get(UsageField.COMMITS)).isEqualTo(5 + 995);
    assertThat(usage(jane(), D.plusDays(1)).get(UsageField.COMMITS)).isEqualTo(12); // a drop: counted as a new total

    TelemetryRemoval.Outcome o = removal.run(org, byToken(B), 4L, T0);

    assertThat(o.dayRows()).isEqualTo(2); // D held the point that went; D+1 a point counted against it
    assertThat(o.figures()[UsageField.COMMITS.ordinal()]).isEqualTo(995 + 5);
    assertThat(usage(jane(), D).get(UsageField.COMMITS)).isEqualTo(5);
    assertThat(usage(jane(), D.plusDays(1)).get(UsageField.COMMITS)).isEqualTo(7);
    write(metrics(org, A, group(jane, List.of(cumulative("claude_code.commit.count", 15, start, nextDay.plusSeconds(60))),
        List.of())));
    assertThat(usage(jane(), D.plusDays(1)).get(UsageField.COMMITS)).isEqualTo(7 + 3);
  }

  @Test
  void groupsStoredBeforeTokensWereRecorded_areAnUnknownToken_andGoByIdentityAndDays() throws Exception {
    write(metrics(org, group(jane, List.of(delta("claude_code.commit.count", 3, T0)), List.of()))); // no token
    write(metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 4, T0.plusSeconds(86_400))), List.of())));
    write(metrics(org, A, group(joe, List.of(delta("claude_code.commit.count", 5, T0)), List.of())));

    TelemetryRemoval.Outcome byToken = removal.run(org, byToken(A), null, T0);
    TelemetryRemoval.Outcome janeOnD = removal.run(org, new TelemetryRemoval.Filter(null, Set.of(jane()), D, D), 5L, T0);

    assertThat(byToken.factGroups()).isEqualTo(2); // the token's own groups only
    Map<String, Long> unknown = new java.util.HashMap<>();
    unknown.put(null, 1L);
    assertThat(janeOnD.groupsByToken()).isEqualTo(unknown);
    assertThat(queries.usageByDayAndIdentity(org, D, D.plusDays(1))).extracting(r -> r.identityId() + " " + r.day() + " "
        + r.get(UsageField.COMMITS)).containsExactlyInAnyOrder(jane() + " " + D.plusDays(1) + " 4.0", joe() + " " + D + " 5.0");
  }

  @Test
  void removal_ofAGroupWithAnItemOnADayNoRowCanHold_removesIt() throws Exception {
    MetricPoint ancient = new MetricPoint("claude_code.unknown.metric", MetricPoint.Temporality.DELTA, 0,
        -86_400_000_000_000L * 400, 1, Map.of()); // feeds no row: ingest kept it
    write(metrics(org, B, group(jane, List.of(ancient, delta("claude_code.commit.count", 3, T0)), List.of())));

    TelemetryRemoval.Outcome o = removal.run(org, byToken(B), 8L, T0);

    assertThat(o.days()).containsExactly(LocalDate.of(1968, 11, 27), D);
    assertThat(o.dayRows()).isEqualTo(1);
    assertThat(queries.usageByDayAndIdentity(org, D, D)).isEmpty();
  }

  @Test
  void filtersCombine_tokenIdentityAndDays() throws Exception {
    for (int day = 0; day < 3; day++) {
      Instant t = T0.plusSeconds(86_400L * day);
      write(metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 1, t)), List.of())));
      write(metrics(org, A, group(joe, List.of(delta("claude_code.commit.count", 10, t)), List.of())));
      write(metrics(org, B, group(jane, List.of(delta("claude_code.commit.count", 100, t)), List.of())));
    }

    TelemetryRemoval.Outcome o = removal.run(org, new TelemetryRemoval.Filter(A, Set.of(jane()), D.plusDays(1), null), 6L, T0);

    assertThat(o.factGroups()).isEqualTo(2);
    assertThat(o.days()).containsExactly(D.plusDays(1), D.plusDays(2));
    assertThat(queries.usageByDayAndIdentity(org, D, D.plusDays(2))).extracting(r -> r.identityId() + " " + r.day() + " "
        + r.get(UsageField.COMMITS)).containsExactlyInAnyOrder(jane() + " " + D + " 101.0", joe() + " " + D + " 10.0",
        jane() + " " + D.plusDays(1) + " 100.0", joe() + " " + D.plusDays(1) + " 10.0",
        jane() + " " + D.plusDays(2) + " 100.0", joe() + " " + D.plusDays(2) + " 10.0");
    assertThat(removal.run(org, new TelemetryRemoval.Filter(null, Set.of(), null, null), null, T0).factGroups()).isZero();
  }

  @Test
  void removalWhileIngestRuns_losesNoIncrement_andCountsNothingTwice() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger exports = new AtomicInteger();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread ingest = Thread.ofPlatform().start(() -> {
      try {
        TelemetryStore server = new TelemetryStore(db, orgs);
        for (int i = 0; !stop.get(); i++) {
          Instant t = T0.plusSeconds((i % 288) * 300L + i / 288); // a day from T0: the rows the removals rebuild
          writeRetrying(server, metrics(org, A, group(jane, List.of(delta("claude_code.commit.count", 1, t),
              delta("claude_code.cost.usage", 0.5, t, "model", "m1"), delta("claude_code.session.count", 1, t)), List.of())));
          exports.incrementAndGet();
        }
      } catch (Throwable e) {
        failed.set(e);
      }
    });
    long removed = 0;
    for (int round = 0; round < 12; round++) {
      Instant t = T0.plusSeconds(round * 3_000L);
      write(metrics(org, B, group(jane, List.of(delta("claude_code.commit.count", 1e12, t),
          delta("claude_code.cost.usage", 1e9, t, "model", "m2")), List.of())));
      removed += removal.run(org, byToken(B), 100L + round, T0).factGroups();
    }
    stop.set(true);
    ingest.join();

    assertThat(failed.get()).isNull();
    assertThat(removed).isEqualTo(12);
    assertThat(count("SELECT COUNT(*) FROM fact_groups WHERE removal_id IS NULL")).isEqualTo(exports.get());
    double commits = 0;
    double cost = 0;
    double sessions = 0;
    for (UsageRow r : queries.usageByDayAndIdentity(org, D, D.plusDays(2))) {
      commits += r.get(UsageField.COMMITS);
      cost += r.get(UsageField.COST_USD);
      sessions += r.get(UsageField.SESSIONS);
      assertThat(detail(jane(), r.day()).models.keySet()).containsExactly("m1");
    }
    assertThat(commits).isEqualTo(exports.get());
    assertThat(cost).isEqualTo(exports.get() * 0.5);
    assertThat(sessions).isEqualTo(exports.get());
  }

  @Test
  void adminApiRows_goByActorAndDay_andStayOutOfALaterFetchOfThatDay() {
    AnthropicStore store = new AnthropicStore(db);
    AdminUsageQueries admin = new AdminUsageQueries(db, new ReportCache(db, orgs, ReportCacheContract.LATER, 1_000_000));
    AdminUsageRemoval rows = new AdminUsageRemoval(db);
    for (int day = 0; day < 2; day++) {
      LocalDate d = D.plusDays(day);
      store.replaceDay(org, d, List.of(adminUsage(d, ActorType.USER, "jane@example.com", 3, 1.5),
          adminUsage(d, ActorType.API, "ci-key", 7, 0.5)));
    }
    AdminUsageRemoval.Filter janeOnD = new AdminUsageRemoval.Filter(
        Set.of(new AdminUsageRemoval.Actor(ActorType.USER, "jane@example.com")), D, D);

    AdminUsageRemoval.Outcome dry = rows.run(org, janeOnD, null);
    assertThat(admin.usageByDayAndActor(org, D, D.plusDays(1))).hasSize(4);
    AdminUsageRemoval.Outcome done = rows.run(org, janeOnD, 9L);

    for (AdminUsageRemoval.Outcome o : List.of(dry, done)) {
      assertThat(o.rows()).isEqualTo(1);
      assertThat(o.days()).containsExactly(D);
      assertThat(o.figures()[UsageField.SESSIONS.ordinal()]).isEqualTo(3);
      assertThat(o.figures()[UsageField.COST_USD.ordinal()]).isEqualTo(1.5);
      assertThat(o.figures()[UsageField.TOKENS_INPUT.ordinal()]).isEqualTo(100);
    }
    store.replaceDay(org, D, List.of(adminUsage(D, ActorType.USER, "jane@example.com", 4, 2.0),
        adminUsage(D, ActorType.API, "ci-key", 8, 0.75))); // the hourly re-poll of the day
    assertThat(admin.usageByDayAndActor(org, D, D.plusDays(1))).extracting(r -> r.day() + " " + r.actor() + " "
        + r.values()[UsageField.SESSIONS.ordinal()]).containsExactlyInAnyOrder(D + " ci-key 8.0",
        D.plusDays(1) + " jane@example.com 3.0", D.plusDays(1) + " ci-key 7.0");
  }

  @Test
  void auditLog_keepsWhoWhenWhatAndHowItEnded() {
    RemovalLog log = new RemovalLog(db);
    RemovalLog.By by = new RemovalLog.By("cli", null, "ops");
    long first = log.start(org, by, true, Map.of("ingestToken", B), T0);
    long second = log.start(org, by, false, Map.of("all", true), T0.plusSeconds(1));
    log.finish(first, 3, 0, Map.of("telemetry", Map.of("factGroups", 3)), T0.plusSeconds(2));
    log.fail(second, "stopped: the database is unreachable", T0.plusSeconds(3));

    List<RemovalLog.Entry> entries = log.list(org, 10);

    assertThat(entries).extracting(RemovalLog.Entry::id).containsExactly(second, first);
    RemovalLog.Entry done = entries.get(1);
    assertThat(done.by()).isEqualTo(by);
    assertThat(done.dryRun()).isTrue();
    assertThat(done.requestedAt()).isEqualTo(T0);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(done.filter()).isEqualTo(Map.of("ingestToken", B));
    assertThat(done.state()).isEqualTo("done");
    assertThat(done.outcome()).isEqualTo(Map.of("telemetry", Map.of("factGroups", 3)));
    assertThat(entries.get(0).state()).isEqualTo("failed");
    assertThat(entries.get(0).error()).isEqualTo("stopped: the database is unreachable");
    assertThat(log.find(org + 1, first)).isEmpty();
  }

  /** Honest data by token A; poison (huge values, other models and tools, events) by token B on the same rows and beyond. */
  private void plantHonestAndPoisoned() throws Exception {
    write(metrics(org, A, group(jane, List.of(delta("claude_code.lines_of_code.count", 12, T0, "type", "added"),
        delta("claude_code.commit.count", 2, T0), delta("claude_code.cost.usage", 0.25, T0, "model", "m1"),
        delta("claude_code.code_edit_tool.decision", 1, T0, "decision", "accept", "tool_name", "Edit")), List.of())));
    write(metrics(org, B, group(jane, List.of(delta("claude_code.lines_of_code.count", 1e300, T0.plusSeconds(60), "type", "added"),
        delta("claude_code.cost.usage", 5e9, T0.plusSeconds(60), "model", "m2"),
        delta("claude_code.code_edit_tool.decision", 9, T0.plusSeconds(60), "decision", "reject", "tool_name", "Write")),
        List.of())));
    write(metrics(org, B, group(joe, List.of(delta("claude_code.lines_of_code.count", 1e300, T0, "type", "added")), List.of())));
    write(logs(org, B, group(jane, List.of(), List.of(event("api_request", T0.plusSeconds(86_400), 1),
        event("api_request", T0.plusSeconds(86_401), 2)))));
  }

  private static AdminUsage adminUsage(LocalDate day, ActorType type, String actor, long sessions, double cost) {
    return new AdminUsage(day, type, actor, "vscode", false, "api", sessions, 10, 2, 1, 0, Map.of(),
        List.of(new ModelUsage("claude-sonnet-5", 100, 20, 5, 1, cost)));
  }

  private TelemetryRemoval.Filter byToken(String token) {
    return new TelemetryRemoval.Filter(token, null, null, null);
  }

  private void write(TelemetryBatch batch) throws Exception {
    writeRetrying(telemetry, batch);
  }

  // as the write queue does: a deadlock or lock timeout against the removal is retried
  private static void writeRetrying(TelemetryStore store, TelemetryBatch batch) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        store.write(List.of(batch), T0);
        return;
      } catch (SQLException e) {
        if (SqlFailure.of(e) != SqlFailure.CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  private long jane() {
    return identity("jane@example.com");
  }

  private long joe() {
    return identity("joe@example.com");
  }

  private long identity(String email) {
    return queries.identities(org).entrySet().stream().filter(e -> email.equals(e.getValue().email())).findFirst()
        .orElseThrow().getKey();
  }

  private UsageRow usage(long identity, LocalDate day) {
    return queries.usageByDayAndIdentity(org, day, day).stream().filter(r -> r.identityId() == identity).findFirst()
        .orElseThrow(() -> new AssertionError("no row of identity " + identity + " on " + day));
  }

  private DayDetail detail(long identity, LocalDate day) throws Exception {
    String t = text("SELECT detail FROM identity_days WHERE id = " + DayKey.of(day, identity));
    return DayDetailText.decode(t);
  }

  /** Every row of the tables a removal touches, as text. */
  private List<String> dump() throws Exception {
    List<String> out = new ArrayList<>();
    for (String sql : List.of("SELECT * FROM fact_groups ORDER BY min_time_ns, key_hi, key_lo", "SELECT * FROM identity_days ORDER BY id",
        "SELECT org_id, key_hi, key_lo, start_ns, time_ns, last_value FROM cumulative_series ORDER BY key_hi, key_lo")) {
      try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append(rs.getString(i)).append('|');
          }
          out.add(row.toString());
        }
      }
    }
    return out;
  }

  private void execute(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String text(String sql) throws Exception {
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
