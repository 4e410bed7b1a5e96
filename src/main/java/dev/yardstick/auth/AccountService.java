package dev.yardstick.auth;

import dev.yardstick.model.Emails;
import dev.yardstick.model.Role;
import dev.yardstick.storage.AccountStore;
import dev.yardstick.storage.AccountStore.User;
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
  private final PeopleStore people;
  private final Clock clock;

  public AccountService(AccountStore accounts, PeopleStore people, Clock clock) {
    this.accounts = accounts;
    this.people = people;
    this.clock = clock;
  }

  /** A new session: the id for the cookie (shown once) and who it belongs to. */
  public record SignIn(String sessionId, Principal principal) {}

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
      case WRONG_CODE -> throw new IllegalArgumentException("The setup code is wrong.");
      case EXPIRED_CODE -> throw new IllegalArgumentException("The setup code has expired (codes last one hour):"
          + " restart the server, which prints a fresh one.");
      case EMAIL_TAKEN -> throw new IllegalArgumentException("an account with email " + e + " exists");
    };
  }

  /**
   * Signs in; empty for a wrong email or password (the same answer for both, after the same work).
   * Throws TooManyAttempts while the email or the client address is locked out.
   */
  public Optional<SignIn> signIn(String email, String password, String clientAddress) {
    Instant now = clock.instant();
    String e = Emails.normalize(email);
    String byEmail = "email:" + (e == null ? "" : e);
    String byClient = "client:" + clientAddress;
    long wait = Math.max(wait(byEmail, now), wait(byClient, now));
    if (wait > 0) {
      throw new TooManyAttempts(wait);
    }
    Optional<User> user = e == null ? Optional.empty() : accounts.userByEmail(e);
    boolean ok = Passwords.matches(password, user.map(User::passwordHash).orElse(null))
        && user.isPresent() && !user.get().disabled();
    if (!ok) {
      accounts.saveFailures(byEmail, LoginThrottle.failed(accounts.failures(byEmail).orElse(null), now, LoginThrottle.FREE_PER_EMAIL));
      accounts.saveFailures(byClient, LoginThrottle.failed(accounts.failures(byClient).orElse(null), now, LoginThrottle.FREE_PER_CLIENT));
      return Optional.empty();
    }
    accounts.clearFailures(byEmail);
    return Optional.of(newSession(user.get()));
  }

  private long wait(String subject, Instant now) {
    Duration d = LoginThrottle.waitFor(accounts.failures(subject).orElse(null), now);
    return d.isZero() ? 0 : Math.max(1, d.toSeconds());
  }

  /** A fresh session id for every sign-in: an id set before sign-in is never promoted (no fixation). */
  private SignIn newSession(User user) {
    String id = Tokens.newSecret();
    String csrf = Tokens.newSecret();
    Instant now = clock.instant();
    accounts.createSession(Tokens.sha256(id), user.id(), csrf, now, now.plus(SESSION_TTL));
    return new SignIn(id, principal(user, csrf, Tokens.sha256(id)));
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

  /** Changes the caller's password after checking the current one; every other session of the account ends. */
  public void changePassword(Principal p, String current, String next) {
    User user = accounts.user(p.userId()).orElseThrow(() -> new IllegalArgumentException("this token has no account"));
    if (!Passwords.matches(current, user.passwordHash())) {
      throw new IllegalArgumentException("the current password is wrong");
    }
    Passwords.check(next);
    accounts.setPassword(user.id(), Passwords.hash(next), clock.instant());
    accounts.deleteSessions(user.id(), p.sessionSha256());
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
