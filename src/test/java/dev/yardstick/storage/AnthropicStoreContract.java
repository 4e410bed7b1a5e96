package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.AdminUsage;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.AdminUsage.ModelUsage;
import dev.yardstick.model.AdminUsage.ToolCounts;
import dev.yardstick.model.AdminUsageRow;
import dev.yardstick.model.UsageField;
import dev.yardstick.testing.TestDatabases;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin API storage, run on every database through the production migrations. */
abstract class AnthropicStoreContract {
  static final LocalDate D1 = LocalDate.parse("2026-10-01");
  private TestDatabases.Target target;
  private Database db;
  private AnthropicStore store;
  private AdminUsageQueries queries;
  private long org;
  private long other;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 4);
    db.start();
    OrgStore orgs = new OrgStore(db);
    org = orgs.ensureDefault(T0);
    other = orgs.create("Other", ZoneId.of("UTC"), T0);
    store = new AnthropicStore(db);
    queries = new AdminUsageQueries(db, new ReportCache(db, orgs, ReportCacheContract.LATER, 1_000_000)); // every write must show
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  static AdminUsage usage(String actor, String terminal, long sessions, double cost) {
    return new AdminUsage(D1, ActorType.USER, actor, terminal, false, "api", sessions, 10, 2, 1, 0,
        Map.of("edit_tool", new ToolCounts(3, 1)), List.of(new ModelUsage("claude-sonnet-5", 100, 20, 5, 1, cost)));
  }

  @Test
  void replaceDay_withWhatTheDayHolds_writesNothing_andRaisesNoVersion_butAChangeDoes() {
    store.replaceDay(org, D1, List.of(usage("a@x.com", "vscode", 3, 1.5), usage("b@x.com", "tmux", 2, 0.125)));
    long before = DataVersion.read(db, org).admin();
    store.replaceDay(org, D1, List.of(usage("b@x.com", "tmux", 2, 0.125), usage("a@x.com", "vscode", 3, 1.5))); // re-poll
    assertThat(DataVersion.read(db, org).admin()).isEqualTo(before);
    store.replaceDay(org, D1, List.of(usage("a@x.com", "vscode", 3, 1.5), usage("b@x.com", "tmux", 2, 0.25)));
    assertThat(DataVersion.read(db, org).admin()).isEqualTo(before + 1);
    assertThat(queries.usageByDayAndActor(org, D1, D1).stream().mapToDouble(r -> r.values()[UsageField.COST_USD.ordinal()]).sum())
        .isEqualTo(1.75);
  }

  @Test
  void replaceDay_replacesTheWholeDay_neverAdds_andStaysInItsOrganization() {
    store.replaceDay(org, D1, List.of(usage("a@x.com", "vscode", 3, 1.5), usage("a@x.com", "tmux", 2, 0.25)));
    store.replaceDay(other, D1, List.of(usage("a@x.com", "vscode", 100, 9)));
    store.replaceDay(org, D1, List.of(usage("a@x.com", "vscode", 4, 2.0)));

    List<AdminUsageRow> rows = queries.usageByDayAndActor(org, D1, D1);
    assertThat(rows).hasSize(1);
    double[] v = rows.getFirst().values();
    assertThat(v[UsageField.SESSIONS.ordinal()]).isEqualTo(4);
    assertThat(v[UsageField.COST_USD.ordinal()]).isEqualTo(2.0);
    assertThat(v[UsageField.TOKENS_INPUT.ordinal()]).isEqualTo(100);
    assertThat(v[UsageField.EDITS_ACCEPTED.ordinal()]).isEqualTo(3);
    assertThat(queries.actors(org)).singleElement().satisfies(a -> assertThat(a.sessions()).isEqualTo(4));
    store.replaceDay(org, D1, List.of());
    assertThat(queries.usageByDayAndActor(org, D1, D1)).isEmpty();
    assertThat(queries.usageByDayAndActor(other, D1, D1)).hasSize(1);
  }

  @Test
  void lease_isExclusiveUntilReleasedOrExpired() {
    store.save(org, "v1:sealed", "WXYZ", D1, T0);
    assertThat(store.tryLease(org, T0, T0.plusSeconds(120))).isTrue();
    assertThat(store.tryLease(org, T0.plusSeconds(60), T0.plusSeconds(180))).isFalse();
    assertThat(store.tryLease(org, T0.plusSeconds(121), T0.plusSeconds(240))).isTrue(); // a dead holder's lease ran out
    store.releaseLease(org);
    assertThat(store.tryLease(org, T0.plusSeconds(122), T0.plusSeconds(240))).isTrue();
  }

  @Test
  void save_keepsThePositionForTheSameStart_restartsForANewOne() {
    store.save(org, "v1:one", "AAAA", D1, T0);
    store.advance(org, D1.plusDays(5), T0);
    store.failed(org, "boom", T0);
    store.save(org, "v1:two", "BBBB", D1, T0);
    var i = store.find(org).orElseThrow();
    assertThat(i.nextDay()).isEqualTo(D1.plusDays(5));
    assertThat(i.keyLast4()).isEqualTo("BBBB");
    assertThat(i.lastError()).isNull();
    store.save(org, "v1:two", "BBBB", D1.minusDays(30), T0);
    assertThat(store.find(org).orElseThrow().nextDay()).isEqualTo(D1.minusDays(30));
    store.advance(org, D1.minusDays(40), T0); // never moves back
    assertThat(store.find(org).orElseThrow().nextDay()).isEqualTo(D1.minusDays(30));
    assertThat(store.find(other)).isEmpty();
  }
}
