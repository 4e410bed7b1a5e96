package dev.yardstick.auth;

import dev.yardstick.storage.TokenStore;

/** Whether a full ingest token (id and secret) is an active token of an organization; the secret is compared, never kept. */
public final class IngestTokenCheck {
  private final TokenStore tokens;
  private final java.time.Clock clock;

  public IngestTokenCheck(TokenStore tokens, java.time.Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Throws IllegalArgumentException naming the problem unless {@code token} is active in {@code orgId}. */
  public void requireActive(long orgId, String token) {
    Tokens.IngestCredentials c = Tokens.parseIngest(token)
        .orElseThrow(() -> new IllegalArgumentException("\"token\" must be a whole ingest token tk_<id>:sk_<secret>"));
    TokenStore.IngestTokenSecret row = tokens.findIngestToken(c.id())
        .filter(r -> Tokens.matches(c.secret(), r.secretSha256()))
        .orElseThrow(() -> new IllegalArgumentException("unknown ingest token (no token has that id and secret)"));
    if (row.orgId() != orgId) {
      throw new IllegalArgumentException("not a token of this organization");
    }
    if (row.revoked()) {
      throw new IllegalArgumentException("that ingest token was revoked");
    }
    if (row.expiredAt(clock.instant())) {
      // a rotated token past its grace period: configuration made with it would send nothing that counts
      throw new IllegalArgumentException("that ingest token was rotated and stopped working at " + row.expiresAt()
          + "; use its replacement");
    }
  }
}
