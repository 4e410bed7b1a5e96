package dev.yardstick.ingest.anthropic;

/** The Admin API refused or could not be reached; {@link #plainWords()} says what to do about it. */
public final class AdminApiException extends Exception {
  /** What went wrong, as a person would say it. */
  public enum Kind { WRONG_KEY, NOT_ADMIN, BAD_REQUEST, RATE_LIMITED, SERVER, NETWORK }

  private final Kind kind;
  private final int status;
  private java.time.Duration retryAfter;

  public AdminApiException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** What the server asked to wait (429's retry-after), or null. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  void retryAfter(java.time.Duration d) {
    this.retryAfter = d;
  }

  public int status() {
    return status;
  }

  /** True when trying again later may help (rate limits, server errors, network). */
  public boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.SERVER || kind == Kind.NETWORK;
  }

  public String plainWords() {
    return switch (kind) {
      case WRONG_KEY -> "The key was refused: it is wrong, revoked or expired. Create a new Admin API key in the Console.";
      case NOT_ADMIN -> "The key works but may not read usage reports: it is not an Admin API key (sk-ant-admin...).";
      case BAD_REQUEST -> "Anthropic refused the request: " + getMessage();
      case RATE_LIMITED -> "Anthropic asked to slow down; the sync goes on by itself.";
      case SERVER -> "Anthropic's API had an error (" + status + "); the sync retries by itself.";
      case NETWORK -> "Anthropic's API could not be reached: " + getMessage()
          + ". Check YARDSTICK_ANTHROPIC_API_URL and this server's network access.";
    };
  }

  /** The plain words, and the API's own message where they do not already say it. */
  public String describe() {
    String words = plainWords();
    return words.contains(getMessage()) ? words : words + " (" + getMessage() + ")";
  }
}
