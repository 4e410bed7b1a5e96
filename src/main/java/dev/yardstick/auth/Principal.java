package dev.yardstick.auth;

import dev.yardstick.model.Role;

/**
 * An authenticated caller.
 *
 * @param userId the account, or null for an organization API token (bootstrap, automation)
 * @param developerId the developer the account is tied to, or null
 * @param csrfToken the session's CSRF token, or null when a bearer token authenticated (no cookie, no CSRF)
 * @param sessionSha256 the hash of the session id, or null
 */
public record Principal(long orgId, Long userId, String email, Role role, Long developerId, String csrfToken,
    String sessionSha256) {
  public boolean viaSession() {
    return sessionSha256 != null;
  }
}
