package dev.yardstick.metrics;

import static dev.yardstick.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.model.CommitFacts;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.CommitLines;
import dev.yardstick.storage.CommitStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.GitQueries;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.storage.RepositoryStore;
import dev.yardstick.testing.TestDatabases;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A developer's commit list for a manager who saw them only while they were in the manager's team: the newest commits
 * the manager may see come back, however many newer ones the developer made elsewhere. Planted here, day by day.
 */
abstract class DeveloperCommitsContract {
  static final LocalDate MOVE = LocalDate.parse("2026-03-10");
  private TestDatabases.Target target;
  private Database db;
  private long org;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 4);
    db.start();
    org = new OrgStore(db).ensureDefault(T0);
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  private static CommitFacts commit(String sha, LocalDate day) {
    var at = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
    return new CommitFacts(sha, List.of("p" + sha), "Jane", "jane@example.com", at, "jane@example.com", at, 10, 0, 1, null,
        false, List.of(), false);
  }

  @Test
  void aManagerGetsTheNewestCommitsOfTheirDays_notTheNewestOverall_andTheirCount() {
    PeopleService people = new PeopleService(new PeopleStore(db), Clock.fixed(T0, ZoneOffset.UTC));
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", "Platform").id();
    people.moveToTeam(org, jane, "Payments", MOVE);
    List<CommitFacts> commits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      commits.add(commit("a" + i, MOVE.minusDays(5 - i))); // in Platform: the manager's days
    }
    for (int i = 0; i < 6; i++) {
      commits.add(commit("b" + i, MOVE.plusDays(1 + i))); // in Payments, newer
    }
    CommitStore store = new CommitStore(db);
    long repo = new RepositoryStore(db).create(org, "app", null, "/app", null, null, "", "", "", T0);
    store.add(org, repo, ZoneId.of("UTC"), commits, new HashSet<>(), store.known(org));
    long platform = people.resolver(org).teamNamed("Platform").orElseThrow().id();
    DeveloperCommits list = new DeveloperCommits(new GitQueries(db), new CommitLines(db), people);

    DeveloperCommits.Answer manager = list.of(org, jane, MOVE.minusDays(30), MOVE.plusDays(30),
        new Viewer(Role.MANAGER, null, Set.of(platform), true), 2);
    assertThat(manager.commits()).extracting(CommitLines.Line::sha).containsExactly("a2", "a1");
    assertThat(manager.total()).isEqualTo(3);
    DeveloperCommits.Answer admin = list.of(org, jane, MOVE.minusDays(30), MOVE.plusDays(30), Viewer.ADMIN, 2);
    assertThat(admin.commits()).extracting(CommitLines.Line::sha).containsExactly("b5", "b4");
    assertThat(admin.total()).isEqualTo(9);
    assertThat(admin.commits().getFirst().reach()).extracting(CommitLines.Reach::name).containsExactly("app");
  }
}
