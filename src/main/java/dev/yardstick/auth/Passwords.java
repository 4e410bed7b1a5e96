package dev.yardstick.auth;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (salted, 16 MiB, 2 passes), and the rules a new password must meet.
 * Hashes run on one platform thread per core, never on a request's virtual thread: a virtual
 * thread is not preempted, so a burst of sign-ins hashing on the few carrier threads stalled every
 * other request, even those holding database connections (the pool ran dry: 503). A burst waits
 * its turn, and at most one 16 MiB block per core is in use at once.
 */
public final class Passwords {
  private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  private static final ExecutorService HASHING = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
      Thread.ofPlatform().name("password-hash-", 0).daemon(true).factory());
  // a hash of nothing, checked when no account matches, so that a wrong email costs as long as a wrong password
  private static final String DUMMY = ARGON2.encode("not a password of anyone");

  private Passwords() {}

  public static String hash(String password) {
    return limited(() -> ARGON2.encode(password));
  }

  public static boolean matches(String password, String hash) {
    return password != null && limited(() -> ARGON2.matches(password, hash == null ? DUMMY : hash));
  }

  private static <T> T limited(Callable<T> work) {
    try {
      return HASHING.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to check a password", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Throws IllegalArgumentException saying what a password lacks. */
  public static void check(String password) {
    if (password == null || password.length() < 10) {
      throw new IllegalArgumentException("a password needs at least 10 characters");
    }
    if (password.length() > 200) {
      throw new IllegalArgumentException("a password has at most 200 characters");
    }
  }
}
