package dev.yardstick.auth;

import java.util.Optional;

/**
 * "This browser signed in as this account before": a cookie sealed under the secret key, naming
 * the email and a random id. It opens no session; it only lets the browser's sign-ins be counted
 * on their own, apart from guessers who share its address.
 */
final class DeviceCookies {
  private static final String PURPOSE = "device-cookie";
  private final SecretBox box;

  DeviceCookies(SecretBox box) {
    this.box = box;
  }

  String issue(String email) {
    return box.seal(email + "\n" + Tokens.newSecret(), PURPOSE);
  }

  /** The browser's id when the cookie is one of ours and names this email. */
  Optional<String> idFor(String cookie, String email) {
    if (cookie == null || cookie.isEmpty() || cookie.length() > 2000 || email == null) {
      return Optional.empty();
    }
    try {
      String[] parts = box.open(cookie, PURPOSE).split("\n", 2);
      return parts.length == 2 && parts[0].equals(email) ? Optional.of(parts[1]) : Optional.empty();
    } catch (RuntimeException forgedOrOld) {
      return Optional.empty(); // another key, bad base64 or a forgery: an unknown browser
    }
  }
}
