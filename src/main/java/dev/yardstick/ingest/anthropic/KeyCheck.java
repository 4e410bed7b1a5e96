package dev.yardstick.ingest.anthropic;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What an Admin API key goes through before it is saved: its form, then one call to the API with it,
 * so that a wrong key is refused in words at once instead of failing a sync minutes later.
 */
final class KeyCheck {
  // Console keys read sk-ant-admin01-<base64url>; the version digits may change
  private static final Pattern FORM = Pattern.compile("sk-ant-admin\\d{2}-[A-Za-z0-9_-]{8,400}");
  private static final String CONSOLE = "the Claude Console, Settings > Admin keys";

  private KeyCheck() {}

  /** Why {@code key} (already trimmed) cannot be an Admin API key, or null when it has the form of one. */
  static String formProblem(String key) {
    if (key.isEmpty()) {
      return "adminApiKey is required: an Admin API key (sk-ant-admin...) from " + CONSOLE;
    }
    if (key.chars().anyMatch(Character::isWhitespace)) {
      return "adminApiKey contains spaces or line breaks: paste the key alone";
    }
    if (key.startsWith("sk-ant-api")) {
      return "adminApiKey is an API key (sk-ant-api...), which cannot read usage reports: create an Admin API key"
          + " (sk-ant-admin...) in " + CONSOLE;
    }
    return FORM.matcher(key).matches() ? null
        : "adminApiKey is not an Anthropic Admin API key: those start with sk-ant-admin (create one in " + CONSOLE + ")";
  }

  /**
   * Calls the API once with the key. Returns null when it works, a note when Anthropic could not tell
   * (rate limit, server error: the key is kept and the sync retries); throws when the key must not be saved.
   */
  static String tryKey(AdminApiClient client, String key, LocalDate day) throws InterruptedException {
    try {
      client.probe(key, day);
      return null;
    } catch (AdminApiException e) {
      if (e.retryable() && e.kind() != AdminApiException.Kind.NETWORK) {
        return "The key was saved without a test: " + e.plainWords();
      }
      throw new IllegalArgumentException(e.plainWords() + " The key was not saved.");
    }
  }
}
