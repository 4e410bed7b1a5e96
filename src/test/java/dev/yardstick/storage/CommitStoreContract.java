package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.CommitFacts;
import dev.yardstick.model.CommitFacts.DefectLink;
import dev.yardstick.model.CommitFacts.ReworkLink;
import dev.yardstick.model.GitField;
import dev.yardstick.testing.TestDatabases;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commit storage, run on every database through the production migrations. */
abstract class CommitStoreContract {
  static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 2, 23, 30, 0, 0, ZoneOffset.ofHours(-5));
  private TestDatabases.Target target;
  private Database db;
  private CommitStore commits;
  private RepositoryStore repos;
  private GitQueries queries;
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
    commits = new CommitStore(db);
    repos = new RepositoryStore(db);
    queries = new GitQueries(db, new ReportCache(db, orgs, ReportCacheContract.LATER, 1_000_000)); // every write must show
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  static CommitFacts commit(String sha, String author, int added, boolean ai) {
    return new CommitFacts(sha, List.of("p" + sha), author, author, T, author, T, added, 1, 1,
        ai ? "Co-Authored-By: Claude <noreply@anthropic.com>" : null, false, List.of(), false);
  }

  @Test
  void aCommitReachedByTwoRepositories_isStoredOnce_perOrganization() {
    long a = repos.create(org, "a", null, "/a", null, null, "", "", "", T0);
    long b = repos.create(org, "b", null, "/b", null, null, "", "", "", T0);
    long c = repos.create(other, "c", null, "/c", null, null, "", "", "", T0);
    List<CommitFacts> two = List.of(commit("s1", "x@example.com", 10, true), commit("s2", "x@example.com", 5, false));
    assertThat(commits.add(org, a, ZoneId.of("UTC"), two, new HashSet<>(), commits.known(org))).isEqualTo(2);
    Set<String> members = commits.members(b);
    assertThat(commits.add(org, b, ZoneId.of("UTC"), two, members, commits.known(org))).isZero();
    assertThat(members).containsExactlyInAnyOrder("s1", "s2");
    assertThat(commits.add(other, c, ZoneId.of("UTC"), two, new HashSet<>(), commits.known(other))).isEqualTo(2);

    List<GitQueries.AuthorDay> days = queries.byDayAndAuthor(org, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
    assertThat(days).singleElement().satisfies(d -> {
      assertThat(d.day()).isEqualTo(LocalDate.parse("2026-03-03")); // 23:30 at -05:00 is the 3rd in UTC
      assertThat(d.values()[GitField.COMMITS.ordinal()]).isEqualTo(2);
      assertThat(d.values()[GitField.LINES_ADDED.ordinal()]).isEqualTo(15);
      assertThat(d.values()[GitField.AI_COMMITS.ordinal()]).isEqualTo(1);
      assertThat(d.values()[GitField.AI_LINES_ADDED.ordinal()]).isEqualTo(10);
    });

    // leaving one repository keeps the commits the other still reaches
    assertThat(commits.forgetUnreachable(org, a, Set.of("s1"), commits.members(a))).isEqualTo(1);
    assertThat(commits.known(org)).containsExactlyInAnyOrder("s1", "s2");
    assertThat(commits.forgetUnreachable(org, b, Set.of("s1"), commits.members(b))).isEqualTo(1);
    assertThat(commits.known(org)).containsExactly("s1");
    assertThat(commits.known(other)).hasSize(2);
  }

  @Test
  void aCommitAnImportReadAsStored_butARepositoryDeletionTookMeanwhile_isStoredAgain() {
    long a = repos.create(org, "a", null, "/a", null, null, "", "", "", T0);
    long b = repos.create(org, "b", null, "/b", null, null, "", "", "", T0);
    List<CommitFacts> two = List.of(commit("s1", "x@example.com", 10, true), commit("s2", "x@example.com", 5, false));
    commits.add(org, a, ZoneId.of("UTC"), two, new HashSet<>(), commits.known(org));
    Set<String> knownToB = commits.known(org); // b's import reads what exists: both commits
    Set<String> membersOfB = commits.members(b);

    commits.forgetRepository(org, a); // a is deleted meanwhile, and with it the commits only it reached
    assertThat(commits.known(org)).isEmpty();
    commits.add(org, b, ZoneId.of("UTC"), two, membersOfB, knownToB);

    assertThat(commits.known(org)).containsExactlyInAnyOrder("s1", "s2");
    assertThat(queries.byDayAndAuthor(org, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")))
        .singleElement().satisfies(d -> assertThat(d.values()[GitField.COMMITS.ordinal()]).isEqualTo(2));
  }

  @Test
  void links_areReplacedPerLaterCommit_soAnalysingTwiceChangesNothing() {
    long a = repos.create(org, "a", null, "/a", null, null, "", "", "", T0);
    commits.add(org, a, ZoneId.of("UTC"), List.of(commit("s1", "x@example.com", 10, true), commit("s2", "y@example.com", 5, false),
        commit("s3", "y@example.com", 1, false)), new HashSet<>(), new HashSet<>());
    for (int i = 0; i < 2; i++) {
      commits.replaceLinks(org, List.of("s2", "s3"), List.of(new ReworkLink("s1", "s2", 3), new ReworkLink("s1", "s3", 2)),
          List.of(new DefectLink("s1", "s3", "szz", 2)));
    }
    var day = queries.byDayAndAuthor(org, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")).stream()
        .filter(d -> d.authorEmail().equals("x@example.com")).findFirst().orElseThrow();
    assertThat(day.values()[GitField.REWORKED_LINES.ordinal()]).isEqualTo(5);
    assertThat(day.values()[GitField.DEFECT_COMMITS.ordinal()]).isEqualTo(1);
    assertThat(day.values()[GitField.AI_DEFECT_COMMITS.ordinal()]).isEqualTo(1);
    commits.replaceLinks(org, List.of("s3"), List.of(), List.of());
    day = queries.byDayAndAuthor(org, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")).stream()
        .filter(d -> d.authorEmail().equals("x@example.com")).findFirst().orElseThrow();
    assertThat(day.values()[GitField.REWORKED_LINES.ordinal()]).isEqualTo(3);
    assertThat(day.values()[GitField.DEFECT_COMMITS.ordinal()]).isZero();
  }
}
