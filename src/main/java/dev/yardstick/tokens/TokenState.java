package dev.yardstick.tokens;

import dev.yardstick.storage.TokenStore.IngestTokenInfo;
import java.time.Instant;
import java.util.Locale;

/** Where an ingest token stands: working, working until its grace period ends, or stopped (and why). */
public enum TokenState {
  ACTIVE,
  EXPIRING,
  EXPIRED,
  REVOKED;

  /** Pure: revocation wins over expiry; a token stops at the instant of expires_at, as the authenticator says. */
  public static TokenState of(IngestTokenInfo t, Instant now) {
    if (t.revokedAt() != null) {
      return REVOKED;
    }
    if (t.expiresAt() == null) {
      return ACTIVE;
    }
    return now.isBefore(t.expiresAt()) ? EXPIRING : EXPIRED;
  }

  public boolean works() {
    return this == ACTIVE || this == EXPIRING;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
