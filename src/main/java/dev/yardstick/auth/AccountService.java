package dev.yardstick.auth;

import dev.yardstick.model.Emails;
import dev.yardstick.model.Role;
import dev.yardstick.storage.AccountStore;
import dev.yardstick.storage.AccountStore.User;
import dev.yardstick.storage.LoginFailureStore;
import dev.yardstick.storage.PeopleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts and sign-in: the first admin, sessions, sign-out, password change, invitations, and
 * throttling of failed sign-ins. Session ids, invitation tokens and setup codes are random, shown
 * once, and stored only as SHA-256.
 */
public final class AccountService {
  static final Duration SESSION_TTL = Duration.ofDays(14);
  static final Duration INVITATION_TTL = Duration.ofDays(7);
  static final Duration SETUP_CODE_TTL = Duration.ofHours(1);

  private final AccountStore accounts;
  private final SignInThrottle throttle;
  private final PeopleStore people;
  private final Clock clock;

  public AccountService(AccountStore accounts, LoginFailureStore failures, PeopleStore people, SecretBox secrets, Clock clock) {
    this.accounts = accounts;
    this.throttle = new SignInThrottle(failures, new DeviceCookies(secrets));
    this.people = people;
    this.clock = clock;
  }

  /** A new session: the id for the cookie (shown once), who it belongs to, and the browser's new device cookie. */
  public record SignIn(String sessionId, Principal principal, String deviceCookie) {}

  /** Too many failed sign-ins; the caller may try again after the given seconds (answered 429). */
  public static final class TooManyAttempts extends RuntimeException {
    private final long retryAfterSeconds;

    TooManyAttempts(long retryAfterSeconds) {
      super("too many failed sign-ins; try again in " + retryAfterSeconds + " s");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The setup page is gone: an admin exists (answered 404). */
  public static final class SetupClosed extends RuntimeException {
    SetupClosed() {
      super("Yardstick is set up");
    }
  }

  /**
   * First start: the admin from the settings if given (created unless the email has an account),
   * otherwise, while the organization has no admin, a setup code to print, good for an hour. Every
   * start without an admin prints a fresh one; codes die as soon as the organization has an admin.
   */
  public Optional<String> bootstrap(long org, Optional<String> email, Optional<String> password) {
    Instant now = clock.instant();
    if (email.isPresent() && password.isPresent()) {
      String e = Emails.normalize(email.get());
      if (accounts.userByEmail(e).isEmpty()) {
        Passwords.check(password.get());
        accounts.createUser(org, e, Passwords.hash(password.get()), Role.ADMIN, null, now);
      }
    }
    accounts.deleteSetupCodesBefore(now.minus(SETUP_CODE_TTL));
    if (accounts.anyAdmin(org)) {
      accounts.deleteSetupCodes(org);
      return Optional.empty();
    }
    String code = Tokens.newSetupCode();
    accounts.createSetupCode(org, Tokens.sha256(code), now);
    return Optional.of(code);
  }

  /** Whether the /setup page is open: an organization was given a setup code and has no admin yet. */
  public boolean setupOpen() {
    return accounts.awaitingSetup();
  }

  /**
   * Creates the first admin with a setup code (typed in any case, blanks around it ignored) and
   * signs them in. Throws SetupClosed once an admin exists, whichever code is used.
   */
  public SignIn setup(String code, String email, String password) {
    if (!setupOpen()) {
      throw new SetupClosed();
    }
    String e = requireEmail(email);
    Passwords.check(password);
    String hash = Tokens.sha256(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
    Instant now = clock.instant();
    AccountStore.FirstAdmin made = accounts.createFirstAdmin(hash, now.minus(SETUP_CODE_TTL), e, Passwords.hash(password), now);
    return switch (made.outcome()) {
      case CREATED -> newSession(accounts.user(made.userId()).orElseThrow());
      case ALREADY_SET_UP -> throw new SetupClosed();
      // the codes are gone when an admin was made a moment ago: say that, not "wrong"
      case WRONG_CODE -> throw setupOpen() ? new IllegalArgumentException("The setup code is wrong.") : new SetupClosed();
      case EXPIRED_CODE -> throw new IllegalArgumentException("The setup code has expired (codes last one hour):"
          + " restart the server, which prints a fresh one.");
      case EMAIL_TAKEN -> throw new IllegalArgumentException("an account with email " + e + " exists");
    };
  }

  /**
   * Signs in; empty for a wrong email or password (the same answer for both, after the same work).
   * Throws TooManyAttempts while this client must wait for this email (SignInThrottle).
   *
   * @param clientAddress where the request came from (after trusted proxies)
   * @param deviceCookie the browser's device cookie, or null
   */
  public Optional<SignIn> signIn(String email, String password, String clientAddress, String deviceCookie) {
    String e = Emails.normalize(email);
    SignInThrottle.Pass pass = throttle.signIn(e, clientAddress, deviceCookie, clock.instant());
    Optional<User> user = e == null ? Optional.empty() : accounts.userByEmail(e);
    boolean ok = Passwords.matches(password, user.map(User::passwordHash).orElse(null))
        && user.isPresent() && !user.get().disabled();
    if (!ok) {
      return Optional.empty(); // counted when let through
    }
    throttle.forgive(pass);
    return Optional.of(newSession(user.get()));
  }

  /**
   * A fresh session id for every sign-in (an id set before sign-in is never promoted: no
   * fixation), and a fresh device cookie for the browser.
   */
  private SignIn newSession(User user) {
    String id = Tokens.newSecret();
    String csrf = Tokens.newSecret();
    Instant now = clock.instant();
    accounts.createSession(Tokens.sha256(id), user.id(), csrf, now, now.plus(SESSION_TTL));
    return new SignIn(id, principal(user, csrf, Tokens.sha256(id)), throttle.deviceCookie(user.email()));
  }

  /** The principal of a session cookie, if the session exists, has not expired and its account is enabled. */
  public Optional<Principal> session(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > 200) {
      return Optional.empty();
    }
    String hash = Tokens.sha256(sessionId);
    return accounts.session(hash)
        .filter(s -> s.expiresAt().isAfter(clock.instant()))
        .flatMap(s -> accounts.user(s.userId()).filter(u -> !u.disabled()).map(u -> principal(u, s.csrfToken(), hash)));
  }

  public void signOut(Principal p) {
    if (p.sessionSha256() != null) {
      accounts.deleteSession(p.sessionSha256());
    }
  }

  /**
   * Changes the caller's password after checking the current one; every other session of the
   * account ends (its personal API tokens stay: they are listed and revoked one by one). Wrong
   * current passwords are throttled like sign-ins, so a stolen session cannot guess the password.
   */
  public void changePassword(Principal p, String current, String next) {
    if (p.userId() == null) {
      throw new IllegalArgumentException("an organization API token has no password; sign in or use a personal token");
    }
    User user = accounts.user(p.userId()).orElseThrow(() -> new IllegalArgumentException("this account no longer exists"));
    Passwords.check(next);
    SignInThrottle.Pass pass = throttle.passwordCheck(user.id(), clock.instant());
    if (!Passwords.matches(current, user.passwordHash())) {
      throw new IllegalArgumentException("the current password is wrong");
    }
    throttle.forgive(pass);
    accounts.setPassword(user.id(), Passwords.hash(next), clock.instant());
    accounts.deleteSessions(user.id(), p.sessionSha256());
  }

  /**
   * Forgets what no longer counts: expired sessions, and failures past the throttle's window. Expired
   * setup codes stay until an admin exists or the next start replaces them: while there is no admin
   * they keep /setup open, to say "restart the server" rather than "Yardstick is set up".
   */
  public void cleanUp() {
    Instant now = clock.instant();
    accounts.deleteExpiredSessions(now);
    throttle.forgetBefore(now.minus(LoginThrottle.WINDOW));
  }

  /** A one-time invitation for an email and role; returns the token for the link (shown once). */
  public String invite(Principal admin, String email, Role role) {
    String e = requireEmail(email);
    if (accounts.userByEmail(e).isPresent()) {
      throw new IllegalArgumentException("an account with email " + e + " exists");
    }
    String token = Tokens.newSecret();
    Instant now = clock.instant();
    accounts.createInvitation(Tokens.sha256(token), admin.orgId(), e, role, admin.userId(), now, now.plus(INVITATION_TTL));
    return token;
  }

  /** The invitation behind a link, if it is still good. */
  public Optional<AccountStore.Invitation> invitation(String token) {
    return accounts.invitation(Tokens.sha256(token == null ? "" : token))
        .filter(i -> !i.used() && i.expiresAt().isAfter(clock.instant()));
  }

  /** Creates the invited account with its password and signs it in; a developer account is tied to its developer. */
  public SignIn acceptInvitation(String token, String password) {
    AccountStore.Invitation inv = invitation(token).orElseThrow(() ->
        new IllegalArgumentException("this invitation link is used, expired or wrong"));
    Passwords.check(password);
    if (!accounts.useInvitation(Tokens.sha256(token), clock.instant())) {
      throw new IllegalArgumentException("this invitation link is used, expired or wrong");
    }
    Long developerId = null;
    if (inv.role() == Role.DEVELOPER) {
      developerId = people.developers(inv.orgId()).stream().filter(d -> d.email().equals(inv.email())).findFirst()
          .map(d -> d.id()).orElseGet(() -> people.createDeveloper(inv.orgId(), inv.email(), inv.email(), null, null, clock.instant()));
    }
    long id = accounts.createUser(inv.orgId(), inv.email(), Passwords.hash(password), inv.role(), developerId, clock.instant());
    return newSession(accounts.user(id).orElseThrow());
  }

  public Optional<User> user(long id) {
    return accounts.user(id);
  }

  static Principal principal(User u, String csrf, String sessionHash) {
    return new Principal(u.orgId(), u.id(), u.email(), u.role(), u.developerId(), csrf, sessionHash);
  }

  private static String requireEmail(String email) {
    String e = Emails.normalize(email);
    if (!Emails.looksLikeEmail(e)) {
      throw new IllegalArgumentException("\"" + email + "\" is not an email address");
    }
    return e;
  }
}
