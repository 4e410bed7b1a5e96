package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static dev.yardstick.TestData.byEmail;
import static dev.yardstick.TestData.delta;
import static dev.yardstick.TestData.group;
import static dev.yardstick.TestData.metrics;
import static dev.yardstick.TestData.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.GitField;
import dev.yardstick.model.UsageField;
import dev.yardstick.model.UsageRow;
import dev.yardstick.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report cache over a real database: what it keeps, and that every writer but live ingest is seen at once. */
abstract class ReportCacheContract {
  /** A clock a year after the test data: every day of it is past what ingest may still write. */
  static final Clock LATER = Clock.fixed(T0.plus(Duration.ofDays(365)), ZoneOffset.UTC);
  static final LocalDate D = LocalDate.ofInstant(T0, ZoneOffset.UTC);
  private TestDatabases.Target target;
  private Database db;
  private OrgStore orgs;
  private TelemetryStore telemetry;
  private long org;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 4);
    db.start();
    orgs = new OrgStore(db);
    org = orgs.ensureDefault(T0);
    telemetry = new TelemetryStore(db, orgs);
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  private void commits(double n, java.time.Instant at) throws Exception {
    telemetry.write(List.of(metrics(org, group(session(byEmail("jane@example.com"), "s1"),
        List.of(delta("claude_code.commit.count", n, at)), List.of()))), at);
  }

  private static double total(List<UsageRow> rows) {
    return rows.stream().mapToDouble(r -> r.get(UsageField.COMMITS)).sum();
  }

  @Test
  void daysIngestCanNoLongerReach_areReadOnce_untilAWriterRaisesTheVersion_andLiveDaysAlways() throws Exception {
    Clock now = Clock.fixed(T0.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    ReportQueries cached = new ReportQueries(db, new ReportCache(db, orgs, now, 1_000_000));
    ReportQueries direct = new ReportQueries(db);
    LocalDate today = LocalDate.ofInstant(now.instant(), ZoneOffset.UTC);
    commits(10, T0);
    commits(1, now.instant());
    assertThat(total(cached.usageByDayAndIdentity(org, D, today))).isEqualTo(11);

    commits(5, T0); // what ingest refuses (40 days old): written straight to the store, the cache does not see it
    commits(2, now.instant()); // today: seen at once
    assertThat(total(direct.usageByDayAndIdentity(org, D, today))).isEqualTo(18);
    assertThat(total(cached.usageByDayAndIdentity(org, D, today))).isEqualTo(13);

    new AnthropicStore(db).replaceDay(org, D, List.of()); // an Admin API day: only Admin API rows start again
    assertThat(total(cached.usageByDayAndIdentity(org, D, today))).isEqualTo(13);

    telemetry.write(List.of(metrics(org, group(session(byEmail("joe@example.com"), "s2"),
        List.of(delta("claude_code.commit.count", 100, T0.minusSeconds(86_400))), List.of()))), T0);
    long joe = new ReportQueries(db).identities(org).entrySet().stream()
        .filter(e -> "joe@example.com".equals(e.getValue().email())).findFirst().orElseThrow().getKey();
    new TelemetryRemoval(db, orgs).run(org, new TelemetryRemoval.Filter(null, Set.of(joe), null, null), 1L, T0);
    assertThat(total(cached.usageByDayAndIdentity(org, D, today))).isEqualTo(18); // a telemetry removal: all days again
  }

  @Test
  void aTelemetryRemoval_isSeenAtOnce_onEveryDay() throws Exception {
    ReportQueries cached = new ReportQueries(db, new ReportCache(db, orgs, LATER, 1_000_000));
    commits(4, T0);
    assertThat(total(cached.usageByDayAndIdentity(org, D, D))).isEqualTo(4);
    long jane = new ReportQueries(db).identities(org).keySet().iterator().next();
    new TelemetryRemoval(db, orgs).run(org, new TelemetryRemoval.Filter(null, Set.of(jane), D, D), 1L, T0);
    assertThat(total(cached.usageByDayAndIdentity(org, D, D))).isZero();
  }

  @Test
  void commitsImported_relinked_andForgotten_areSeenAtOnce() {
    GitQueries cached = new GitQueries(db, new ReportCache(db, orgs, LATER, 1_000_000));
    CommitStore store = new CommitStore(db);
    long repo = new RepositoryStore(db).create(org, "a", null, "/a", null, null, "", "", "", T0);
    LocalDate day = CommitStoreContract.T.atZoneSameInstant(ZoneId.of("UTC")).toLocalDate();
    assertThat(cached.byDayAndAuthor(org, day, day)).isEmpty();
    Set<String> members = new java.util.HashSet<>();
    store.add(org, repo, ZoneId.of("UTC"), List.of(CommitStoreContract.commit("s1", "x@example.com", 10, true)), members,
        store.known(org));
    assertThat(cached.byDayAndAuthor(org, day, day)).singleElement()
        .satisfies(r -> assertThat(r.values()[GitField.COMMITS.ordinal()]).isEqualTo(1));
    store.replaceLinks(org, List.of("s2"), List.of(new dev.yardstick.model.CommitFacts.ReworkLink("s1", "s2", 3)), List.of());
    assertThat(cached.byDayAndAuthor(org, day, day)).singleElement()
        .satisfies(r -> assertThat(r.values()[GitField.REWORKED_LINES.ordinal()]).isEqualTo(3));
    store.forgetRepository(org, repo);
    assertThat(cached.byDayAndAuthor(org, day, day)).isEmpty();
  }
}
