package dev.yardstick.storage;

import static dev.yardstick.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.identity.TeamHistory;
import dev.yardstick.model.ConflictException;
import dev.yardstick.model.Identity;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.model.Role;
import dev.yardstick.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People and accounts storage, run on every database through the production migrations. */
abstract class PeopleStoreContract {
  private static final LocalDate D1 = LocalDate.parse("2026-10-01");
  private TestDatabases.Target target;
  private Database db;
  private PeopleStore people;
  private AccountStore accounts;
  private long org;
  private long other;

  abstract TestDatabases.Target newTarget();

  @BeforeEach
  void setUp() {
    target = newTarget();
    db = new Database(target.url(), target.user(), target.password(), 4);
    db.start();
    people = new PeopleStore(db);
    accounts = new AccountStore(db);
    OrgStore orgs = new OrgStore(db);
    org = orgs.ensureDefault(T0);
    other = orgs.create("Other", ZoneId.of("UTC"), T0);
  }

  @AfterEach
  void tearDown() {
    db.close();
    TestDatabases.drop(target);
  }

  @Test
  void developers_uniquePerOrganization_notAcross() {
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", null, null, T0);
    long janeElsewhere = people.createDeveloper(other, "jane@example.com", "Jane", null, null, T0);

    assertThat(jane).isNotEqualTo(janeElsewhere);
    assertThatThrownBy(() -> people.createDeveloper(org, "jane@example.com", "Again", null, null, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
    assertThat(people.developers(org)).extracting(d -> d.id()).containsExactly(jane);
    assertThat(people.developer(other, jane)).isEmpty();
  }

  @Test
  void moveToTeam_keepsTheHistory_soEachDayHasItsTeam() {
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", null, null, T0);
    long eng = people.team(org, "Engineering", null, T0);
    long platform = people.team(org, "Platform", eng, T0);
    long payments = people.team(org, "Payments", eng, T0);

    people.moveToTeam(org, jane, platform, D1);
    people.moveToTeam(org, jane, platform, D1.plusDays(3)); // already there: nothing changes
    people.moveToTeam(org, jane, payments, D1.plusDays(10));
    IdentityResolver r = people.resolver(org);

    assertThat(r.teamOn(jane, D1.plusDays(9)).orElseThrow().name()).isEqualTo("Platform");
    assertThat(r.teamOn(jane, D1.plusDays(10)).orElseThrow().name()).isEqualTo("Payments");
    assertThat(r.teamAndAncestors(payments)).extracting(t -> t.name()).containsExactly("Payments", "Engineering");
    assertThat(people.team(org, "Platform", null, T0)).isEqualTo(platform);
  }

  @Test
  void aFirstMembershipWithoutADate_coversEveryEarlierDay_andAMoveWithAnEarlierDateMovesTheStart() {
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", null, null, T0);
    long omar = people.createDeveloper(org, "omar@example.com", "Omar", null, null, T0);
    long platform = people.team(org, "Platform", null, T0);

    people.moveToTeam(org, jane, platform, null);
    people.moveToTeam(org, omar, platform, D1);
    people.moveToTeam(org, omar, platform, D1.minusDays(30));
    IdentityResolver r = people.resolver(org);

    assertThat(r.teamOn(jane, LocalDate.parse("1999-01-01")).orElseThrow().name()).isEqualTo("Platform");
    assertThat(people.memberships().of(org, jane)).containsExactly(new TeamHistory.Entry(
        people.memberships().of(org, jane).getFirst().id(), platform, null, null));
    assertThat(r.teamOn(omar, D1.minusDays(30))).isPresent();
    assertThat(r.teamOn(omar, D1.minusDays(31))).isEmpty();
    assertThat(people.team(org, "PLATFORM", null, T0)).isEqualTo(platform);
  }

  @Test
  void changeMemberships_isAllOrNothing_andOneDeveloperAtATime() throws Exception {
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", null, null, T0);
    long platform = people.team(org, "Platform", null, T0);
    people.moveToTeam(org, jane, platform, D1);
    List<TeamHistory.Entry> before = people.memberships().of(org, jane);

    assertThatThrownBy(() -> people.memberships().change(org, jane, current -> {
      List<TeamHistory.Entry> next = TeamHistory.joinFrom(current, platform, null);
      throw new ConflictException("changed my mind after " + next);
    })).isInstanceOf(ConflictException.class);
    assertThat(people.memberships().of(org, jane)).isEqualTo(before);
    assertThatThrownBy(() -> people.memberships().change(other, jane, current -> current))
        .isInstanceOf(NotFoundException.class).hasMessage("no developer " + jane);

    // four admins add an open-ended membership at once: they all overlap, so exactly one may succeed
    long omar = people.createDeveloper(org, "omar@example.com", "Omar", null, null, T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      LocalDate from = D1.plusDays(i);
      results.add(pool.submit(() -> {
        go.await();
        try {
          people.memberships().change(org, omar, c -> TeamHistory.put(c, new TeamHistory.Entry(0, platform, from, null), id -> "Platform"));
          return true;
        } catch (ConflictException overlap) {
          return false;
        }
      }));
    }
    go.countDown();
    int succeeded = 0;
    for (Future<Boolean> f : results) {
      succeeded += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(succeeded).isEqualTo(1);
    assertThat(people.memberships().of(org, omar)).hasSize(1);
  }

  @Test
  void aliases_claimOnce_resolve_andAnUndoneAutomaticLinkIsRemembered() {
    long jane = people.createDeveloper(org, "jane@example.com", "Jane", null, null, T0);
    long omar = people.createDeveloper(org, "omar@example.com", "Omar", null, null, T0);
    RawId userId = new RawId(AliasKind.USER_ID, "u-1");
    long alias = people.addAlias(org, jane, userId, "user.id u-1 arrived with email jane@example.com", true, T0);

    assertThatThrownBy(() -> people.addAlias(org, omar, userId, "linked by admin", false, T0))
        .hasMessageContaining("already linked");
    assertThat(people.resolver(org).developerOf(new Identity(null, null, null, null, null, "u-1", null))).hasValue(jane);
    assertThat(people.removeAlias(org, omar, alias, T0)).isEmpty(); // not omar's
    assertThat(people.removeAlias(org, jane, alias, T0)).isPresent();
    assertThat(people.decisions(org)).containsEntry(userId, "unlinked");
    people.addAlias(org, omar, userId, "linked by admin", false, T0); // an admin may still link it by hand
    assertThat(people.decisions(org)).doesNotContainKey(userId);
    assertThat(people.resolver(other).developerOf(new Identity(null, null, null, null, null, "u-1", null))).isEmpty();
  }

  @Test
  void teamManagers_byEmail() {
    long team = people.team(org, "Platform", null, T0);
    people.addTeamManager(org, team, "lead@example.com");
    people.addTeamManager(org, team, "lead@example.com");

    assertThat(people.teamManagers(org)).containsEntry(team, java.util.List.of("lead@example.com"));
    assertThat(people.teamManagers(other)).isEmpty();
  }

  @Test
  void users_sessionsAndInvitations() {
    long id = accounts.createUser(org, "admin@example.com", "hash", Role.ADMIN, null, T0);
    accounts.createSession("s".repeat(64), id, "csrf", T0, T0.plusSeconds(60));
    accounts.createInvitation("i".repeat(64), org, "new@example.com", Role.MANAGER, id, T0, T0.plusSeconds(60));

    assertThatThrownBy(() -> accounts.createUser(other, "admin@example.com", "hash", Role.ADMIN, null, T0))
        .hasMessageContaining("exists");
    assertThat(accounts.userByEmail("admin@example.com").orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThat(accounts.session("s".repeat(64)).orElseThrow().userId()).isEqualTo(id);
    assertThat(accounts.useInvitation("i".repeat(64), T0)).isTrue();
    assertThat(accounts.useInvitation("i".repeat(64), T0)).isFalse(); // one use
    accounts.deleteSessions(id, null);
    assertThat(accounts.session("s".repeat(64))).isEmpty();
    assertThat(accounts.anyAdmin(org)).isTrue();
    assertThat(accounts.anyAdmin(other)).isFalse();
  }

  @Test
  void failures_countedUnlessJudgedToWait_forgivenAndForgotten() {
    LoginFailureStore failures = new LoginFailureStore(db);
    Instant forget = T0.minusSeconds(900);

    assertThat(failures.countFailure("pair:x", List.of("email:x@example.com"), T0, forget, seen -> Duration.ZERO)).isZero();
    assertThat(failures.countFailure("pair:x", List.of("email:x@example.com"), T0.plusSeconds(5), forget, seen -> Duration.ZERO))
        .isZero();
    assertThat(failures.countFailure("pair:x", List.of("email:x@example.com"), T0.plusSeconds(6), forget,
        seen -> seen.get("pair:x").count() >= 2 ? Duration.ofSeconds(9) : Duration.ZERO)).isEqualTo(Duration.ofSeconds(9));

    assertThat(failures.failures("email:x@example.com")).contains(new LoginFailureStore.Failures(2, T0.plusSeconds(5)));
    failures.forgiveFailure("pair:x", List.of("email:x@example.com"));
    assertThat(failures.failures("pair:x")).isEmpty();
    assertThat(failures.failures("email:x@example.com").orElseThrow().count()).isEqualTo(1);
    assertThat(failures.countFailure("email:x@example.com", List.of(), T0.plusSeconds(2000), T0.plusSeconds(1000),
        seen -> Duration.ZERO)).isZero();
    assertThat(failures.failures("email:x@example.com").orElseThrow().count()).as("older ones forgotten").isEqualTo(1);
    failures.deleteFailuresBefore(T0.plusSeconds(2001));
    assertThat(failures.failures("email:x@example.com")).isEmpty();
  }
}
