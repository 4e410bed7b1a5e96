package dev.yardstick.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token formats. Ingest tokens are {@code tk_<id>:sk_<secret>}: the id finds the row, the secret
 * (256 random bits) is compared by hash in constant time. API tokens are {@code ys_<secret>}, found
 * by the hash of the whole token. Secrets have enough entropy that a plain SHA-256 is the right hash.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern INGEST = Pattern.compile("tk_([a-z0-9]{8,40}):sk_([A-Za-z0-9_-]{22,200})");

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

  /** Parses {@code tk_<id>:sk_<secret>}; empty for anything else. */
  public static Optional<IngestCredentials> parseIngest(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher m = INGEST.matcher(token.trim());
    return m.matches() ? Optional.of(new IngestCredentials(m.group(1), m.group(2))) : Optional.empty();
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
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Constant-time comparison of a secret against a stored hex hash. */
  public static boolean matches(String secret, String storedSha256) {
    byte[] actual = sha256(secret).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, storedSha256.getBytes(StandardCharsets.US_ASCII));
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
