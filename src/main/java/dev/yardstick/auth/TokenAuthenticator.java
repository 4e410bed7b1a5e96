package dev.yardstick.auth;

import dev.yardstick.storage.StorageUnavailableException;
import dev.yardstick.storage.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks ingest and API tokens. Token rows are cached for a few seconds so that a busy receiver does
 * not read the database per export; a revocation on another server takes effect within that time,
 * on this one at once. Last-used times are collected in memory and written by {@link #flushLastUsed()}.
 */
public final class TokenAuthenticator {
  private static final long CACHE_NANOS = 5_000_000_000L;

  private final TokenStore store;
  private final Clock clock;
  private final Map<String, Cached<TokenStore.IngestTokenSecret>> ingest = new ConcurrentHashMap<>();
  private final Map<String, Cached<TokenStore.ApiTokenRecord>> api = new ConcurrentHashMap<>();
  private final Map<String, Instant> ingestUsed = new ConcurrentHashMap<>();
  private final Map<Long, Instant> apiUsed = new ConcurrentHashMap<>();

  public TokenAuthenticator(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** An authenticated API caller. */
  public record ApiPrincipal(long orgId, long tokenId, String role) {}

  /** The organization an ingest token belongs to, or empty if the token is unknown, malformed or revoked. */
  public Optional<Long> ingestOrg(String authorization) {
    Optional<Tokens.IngestCredentials> creds = Tokens.parseIngest(Tokens.fromAuthorization(authorization));
    if (creds.isEmpty()) {
      return Optional.empty();
    }
    String id = creds.get().id();
    TokenStore.IngestTokenSecret row = cached(ingest, id, () -> store.findIngestToken(id).orElse(null));
    if (row == null || row.revoked() || !Tokens.matches(creds.get().secret(), row.secretSha256())) {
      return Optional.empty();
    }
    ingestUsed.put(id, clock.instant());
    return Optional.of(row.orgId());
  }

  public Optional<ApiPrincipal> apiPrincipal(String authorization) {
    String token = Tokens.fromAuthorization(authorization);
    if (token == null || token.isEmpty() || token.length() > 512) {
      return Optional.empty();
    }
    String hash = Tokens.sha256(token);
    TokenStore.ApiTokenRecord row = cached(api, hash, () -> store.findApiToken(hash).orElse(null));
    if (row == null || row.revoked()) {
      return Optional.empty();
    }
    apiUsed.put(row.id(), clock.instant());
    return Optional.of(new ApiPrincipal(row.orgId(), row.id(), row.role()));
  }

  /** Forgets a token at once, after it was revoked here. */
  public void forgetIngest(String id) {
    ingest.remove(id);
  }

  /** Writes the collected last-used times; called on a schedule and at shutdown. */
  public void flushLastUsed() {
    if (!ingestUsed.isEmpty()) {
      Map<String, Instant> batch = new HashMap<>(ingestUsed);
      batch.forEach(ingestUsed::remove);
      store.touchIngestTokens(batch);
    }
    if (!apiUsed.isEmpty()) {
      Map<Long, Instant> batch = new HashMap<>(apiUsed);
      batch.forEach(apiUsed::remove);
      store.touchApiTokens(batch);
    }
  }

  private <T> T cached(Map<String, Cached<T>> cache, String key, java.util.function.Supplier<T> load) {
    long now = System.nanoTime();
    Cached<T> c = cache.get(key);
    if (c != null && now - c.loadedAt < CACHE_NANOS) {
      return c.value;
    }
    try {
      T value = load.get();
      if (cache.size() > 10_000) {
        cache.clear(); // unknown ids from a scanner must not grow the cache without bound
      }
      cache.put(key, new Cached<>(value, now));
      return value;
    } catch (RuntimeException e) {
      if (c != null) {
        return c.value; // the database is away: a token known a moment ago is still good
      }
      throw new StorageUnavailableException("the database is unreachable");
    }
  }

  private record Cached<T>(T value, long loadedAt) {}
}
