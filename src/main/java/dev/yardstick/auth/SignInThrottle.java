package dev.yardstick.auth;

import dev.yardstick.storage.LoginFailureStore;
import dev.yardstick.storage.LoginFailureStore.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lets password checks through, or not: LoginThrottle's rules over the counts in the database. An
 * attempt is counted as a failure when it is let through, before its password is checked, and
 * given back when the password was right, so concurrent guesses cannot slip past the count.
 */
final class SignInThrottle {
  private static final int MAX_EMAIL = 320;
  private final LoginFailureStore failures;
  private final DeviceCookies devices;

  SignInThrottle(LoginFailureStore failures, DeviceCookies devices) {
    this.failures = failures;
    this.devices = devices;
  }

  /** An attempt let through: its email-and-client subject, and the others it was counted under. */
  record Pass(String gate, List<String> others) {}

  /**
   * Lets a sign-in attempt through or throws TooManyAttempts. The client is the browser when its
   * device cookie names this email (judged by its own count only), else the address.
   */
  Pass signIn(String email, String clientAddress, String deviceCookie, Instant now) {
    String who = email == null ? "" : email.length() > MAX_EMAIL ? email.substring(0, MAX_EMAIL) : email;
    Optional<String> device = devices.idFor(deviceCookie, who);
    String client = device.map(id -> "device:" + id).orElse("ip:" + clientAddress);
    String pair = "pair:" + client + "|" + who;
    String byClient = device.isPresent() ? null : "client:" + client;
    String byEmail = "email:" + who;
    List<String> others = byClient == null ? List.of(byEmail) : List.of(byClient, byEmail);
    enter(pair, others, now, seen -> LoginThrottle.waitFor(
        new LoginThrottle.Attempt(seen.get(pair), byClient == null ? null : seen.get(byClient), seen.get(byEmail)), now));
    return new Pass(pair, others);
  }

  /** Lets a check of an account's current password (to change it) through, or throws TooManyAttempts. */
  Pass passwordCheck(long userId, Instant now) {
    String subject = "password:" + userId;
    enter(subject, List.of(), now, seen -> LoginThrottle.backoff(seen.get(subject), LoginThrottle.FREE_PER_PAIR, now));
    return new Pass(subject, List.of());
  }

  /** The password was right: the gate's failures are forgotten, the others get this attempt back. */
  void forgive(Pass pass) {
    failures.forgiveFailure(pass.gate(), pass.others());
  }

  String deviceCookie(String email) {
    return devices.issue(email);
  }

  void forgetBefore(Instant t) {
    failures.deleteFailuresBefore(t);
  }

  private void enter(String gate, List<String> others, Instant now, Function<Map<String, Failures>, Duration> judge) {
    Duration wait = failures.countFailure(gate, others, now, now.minus(LoginThrottle.WINDOW), judge);
    if (!wait.isZero()) {
      // rounded up: a client told to come back must not come back a moment too early
      throw new AccountService.TooManyAttempts(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
  }
}
