package dev.yardstick.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Token formats. Ingest tokens are {@code tk_<id>:sk_<secret>}: the id finds the row, the secret
 * (256 random bits) is compared by hash in constant time. API tokens are {@code ys_<secret>}, found
 * by the hash of the whole token. Secrets have enough entropy that a plain SHA-256 is the right hash.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final MessageDigest SHA256 = sha256Prototype();

  private Tokens() {}

  /** A freshly generated ingest token: its id, the full token to show once, and the secret's hash to keep. */
  public record NewIngestToken(String id, String token, String secretSha256) {}

  public record IngestCredentials(String id, String secret) {}

  public static NewIngestToken newIngestToken() {
    String id = HexFormat.of().formatHex(random(8));
    String secret = base64(random(32));
    return new NewIngestToken(id, "tk_" + id + ":sk_" + secret, sha256(secret));
  }

  public static String newApiToken() {
    return "ys_" + base64(random(30));
  }

  /** 256 random bits, URL-safe: session ids, CSRF tokens, invitation tokens. */
  public static String newSecret() {
    return base64(random(32));
  }

  /** A setup code a person types: 4 groups of 5 letters and digits without look-alikes (about 98 bits). */
  public static String newSetupCode() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Parses {@code tk_<id>:sk_<secret>} (id: 8-40 of a-z0-9, secret: 22-200 of base64url); empty for anything else. */
  public static Optional<IngestCredentials> parseIngest(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String t = token.trim(); // checked by hand: it runs for every export, and a regex cost as much as the digest
    int colon = t.indexOf(":sk_");
    if (!t.startsWith("tk_") || colon < 0) {
      return Optional.empty();
    }
    String id = t.substring(3, colon);
    String secret = t.substring(colon + 4);
    boolean ok = id.length() >= 8 && id.length() <= 40 && secret.length() >= 22 && secret.length() <= 200
        && id.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
        && secret.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-');
    return ok ? Optional.of(new IngestCredentials(id, secret)) : Optional.empty();
  }

  /** The token from an Authorization value: "Bearer x" (any case), or the bare value as some clients send it. */
  public static String fromAuthorization(String header) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : h;
  }

  public static String sha256(String s) {
    return HexFormat.of().formatHex(digest(s));
  }

  /** Constant-time comparison of a secret against a stored hex hash. */
  public static boolean matches(String secret, String storedSha256) {
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(storedSha256);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(secret), expected);
  }

  // a clone of one instance: looking the algorithm up among the providers cost more than hashing a token
  private static byte[] digest(String s) {
    try {
      return ((MessageDigest) SHA256.clone()).digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
  }

  private static MessageDigest sha256Prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String base64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
