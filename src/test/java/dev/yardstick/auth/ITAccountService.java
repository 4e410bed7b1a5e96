package dev.yardstick.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yardstick.model.Role;
import dev.yardstick.storage.AccountStore;
import dev.yardstick.storage.LoginFailureStore;
import dev.yardstick.storage.Database;
import dev.yardstick.storage.OrgStore;
import dev.yardstick.storage.PeopleStore;
import dev.yardstick.testing.MovableClock;
import dev.yardstick.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** First start: the setup code when no admin is configured, the bootstrap admin when one is. */
class ITAccountService {
  @Test
  void bootstrap_withoutAnAdmin_givesAOneTimeSetupCode() {
    TestDatabases.Target t = TestDatabases.h2();
    try (Database db = new Database(t.url(), t.user(), t.password(), 2)) {
      db.start();
      long org = new OrgStore(db).ensureDefault(Instant.now());
      AccountService accounts = new AccountService(new AccountStore(db), new LoginFailureStore(db), new PeopleStore(db),
          new SecretBox(new byte[32]), Clock.systemUTC());

      String code = accounts.bootstrap(org, Optional.empty(), Optional.empty()).orElseThrow();
      assertThat(code).matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}");
      assertThatThrownBy(() -> accounts.setup("WRONG-CODE", "first@example.com", "first-password-1"))
          .hasMessageContaining("wrong");
      AccountService.SignIn first = accounts.setup(code, " First@Example.com ", "first-password-1");

      assertThat(first.principal().role()).isEqualTo(Role.ADMIN);
      assertThat(first.principal().email()).isEqualTo("first@example.com");
      assertThatThrownBy(() -> accounts.setup(code, "second@example.com", "second-password-1"))
          .isInstanceOf(AccountService.SetupClosed.class);
      assertThat(accounts.bootstrap(org, Optional.empty(), Optional.empty())).isEmpty(); // an admin exists: no code
      assertThat(accounts.signIn("first@example.com", "first-password-1", "127.0.0.1", null)).isPresent();
    }
  }

  @Test
  void bootstrap_withSettings_createsTheAdminOnce() {
    TestDatabases.Target t = TestDatabases.h2();
    try (Database db = new Database(t.url(), t.user(), t.password(), 2)) {
      db.start();
      long org = new OrgStore(db).ensureDefault(Instant.now());
      AccountService accounts = new AccountService(new AccountStore(db), new LoginFailureStore(db), new PeopleStore(db),
          new SecretBox(new byte[32]), Clock.systemUTC());

      assertThat(accounts.bootstrap(org, Optional.of("boot@example.com"), Optional.of("boot-password-1"))).isEmpty();
      assertThat(accounts.bootstrap(org, Optional.of("boot@example.com"), Optional.of("another-password"))).isEmpty();

      assertThat(accounts.signIn("boot@example.com", "boot-password-1", "127.0.0.1", null)).isPresent(); // the first password stays
      assertThatThrownBy(() -> accounts.bootstrap(org, Optional.of("weak@example.com"), Optional.of("short")))
          .hasMessageContaining("at least 10 characters");
    }
  }

  @Test
  void anExpiredSetupCode_outlivesTheHourlyCleanUp_soSetupSaysRestart_notThatYardstickIsSetUp() {
    TestDatabases.Target t = TestDatabases.h2();
    try (Database db = new Database(t.url(), t.user(), t.password(), 2)) {
      db.start();
      MovableClock clock = new MovableClock(Instant.now());
      long org = new OrgStore(db).ensureDefault(clock.instant());
      AccountService accounts = new AccountService(new AccountStore(db), new LoginFailureStore(db), new PeopleStore(db),
          new SecretBox(new byte[32]), clock);
      String stale = accounts.bootstrap(org, Optional.empty(), Optional.empty()).orElseThrow();

      clock.advance(Duration.ofMinutes(61));
      accounts.cleanUp(); // the hourly chore

      assertThat(accounts.setupOpen()).as("no admin yet: /setup stays, and the sign-in page links to it").isTrue();
      assertThatThrownBy(() -> accounts.setup(stale, "first@example.com", "first-password-1"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has expired").hasMessageContaining("restart the server");
      String fresh = accounts.bootstrap(org, Optional.empty(), Optional.empty()).orElseThrow(); // the restart
      assertThat(accounts.setup(fresh, "first@example.com", "first-password-1").principal().role()).isEqualTo(Role.ADMIN);
      assertThat(accounts.setupOpen()).isFalse();
      assertThatThrownBy(() -> accounts.setup(stale, "second@example.com", "second-password-1"))
          .isInstanceOf(AccountService.SetupClosed.class);
    }
  }
}
