package dev.yardstick.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes (salted, 16 MiB, 2 passes), and the rules a new password must meet. */
public final class Passwords {
  private static final Argon2PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  // a hash of nothing, checked when no account matches, so that a wrong email costs as long as a wrong password
  private static final String DUMMY = ARGON2.encode("not a password of anyone");

  private Passwords() {}

  public static String hash(String password) {
    return ARGON2.encode(password);
  }

  public static boolean matches(String password, String hash) {
    return password != null && ARGON2.matches(password, hash == null ? DUMMY : hash);
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
