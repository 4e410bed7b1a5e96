package dev.yardstick.model;

import java.util.Objects;

/**
 * The raw identifiers one piece of telemetry arrived with, kept as they came (null when absent) so
 * that linking an alias later re-attributes history. Order of evidence: email, headerEmail,
 * an email in serviceName, accountUuid/accountId, userId. A personal ingest token (its id) comes before
 * them all: data sent with it belongs to the token's developer whatever its attributes say.
 */
public record Identity(
    String email,
    String headerEmail,
    String serviceName,
    String accountUuid,
    String accountId,
    String userId,
    String claudeOrgId,
    String personalToken) {

  public static final Identity UNKNOWN = new Identity(null, null, null, null, null, null, null);

  /** Identifiers as attributes carried them, without a personal token. */
  public Identity(String email, String headerEmail, String serviceName, String accountUuid, String accountId, String userId,
      String claudeOrgId) {
    this(email, headerEmail, serviceName, accountUuid, accountId, userId, claudeOrgId, null);
  }

  /** The same identifiers, arrived with the personal ingest token {@code tokenId}. */
  public Identity withPersonalToken(String tokenId) {
    return new Identity(email, headerEmail, serviceName, accountUuid, accountId, userId, claudeOrgId, tokenId);
  }

  /** The best single key for a person until identity resolution exists; "unknown" when nothing is set. */
  public String bestKey() {
    if (email != null) {
      return email;
    }
    if (headerEmail != null) {
      return headerEmail;
    }
    if (serviceName != null && Emails.looksLikeEmail(serviceName)) {
      return serviceName.trim().toLowerCase();
    }
    if (accountUuid != null) {
      return accountUuid;
    }
    if (accountId != null) {
      return accountId;
    }
    return Objects.requireNonNullElse(userId, "unknown");
  }
}
