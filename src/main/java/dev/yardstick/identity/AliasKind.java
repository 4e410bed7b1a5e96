package dev.yardstick.identity;

import java.util.Locale;

/** The kinds of raw identifier an alias ties to a developer. */
public enum AliasKind {
  EMAIL,
  ACCOUNT_UUID,
  ACCOUNT_ID,
  USER_ID,
  SERVICE_NAME,
  API_KEY_NAME,
  GIT_EMAIL,
  /** A developer's personal ingest token (its id); never an alias one adds: it comes from the token itself. */
  INGEST_TOKEN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Throws IllegalArgumentException naming the accepted kinds. */
  public static AliasKind parse(String s) {
    try {
      AliasKind k = valueOf(s.trim().toUpperCase(Locale.ROOT));
      if (k == INGEST_TOKEN) {
        throw new IllegalArgumentException("not an alias kind");
      }
      return k;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("kind must be one of email, account_uuid, account_id, user_id, service_name,"
          + " api_key_name, git_email (got \"" + s + "\")");
    }
  }

  /** The value as aliases store it: emails normalized, everything else trimmed. */
  public String normalize(String value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case EMAIL -> dev.yardstick.model.Emails.normalize(value);
      case GIT_EMAIL -> dev.yardstick.model.Emails.normalizeGit(value);
      default -> value.isBlank() ? null : value.trim();
    };
  }
}
