package dev.yardstick.auth;

import dev.yardstick.model.IngestSender;
import dev.yardstick.model.Role;
import dev.yardstick.storage.AccountStore;
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
  private final AccountStore accounts;
  private final Clock clock;
  private final Map<String, Cached<TokenStore.IngestTokenSecret>> ingest = new ConcurrentHashMap<>();
  private final Map<String, Cached<ApiCaller>> api = new ConcurrentHashMap<>();
  private final Map<String, Instant> ingestUsed = new ConcurrentHashMap<>();
  private final Map<Long, Instant> apiUsed = new ConcurrentHashMap<>();

  public TokenAuthenticator(TokenStore store, AccountStore accounts, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * The organization and token id of an ingest token, or empty if the token is unknown, malformed, revoked or
   * past its expiry (the end of a rotation's grace period, read against the clock at every call).
   */
  public Optional<IngestSender> ingestSender(String authorization) {
    Optional<Tokens.IngestCredentials> creds = Tokens.parseIngest(Tokens.fromAuthorization(authorization));
    if (creds.isEmpty()) {
      return Optional.empty();
    }
    String id = creds.get().id();
    TokenStore.IngestTokenSecret row = cached(ingest, id, () -> store.findIngestToken(id).orElse(null));
    Instant now = clock.instant();
    if (row == null || row.revoked() || row.expiredAt(now)
        || !Tokens.matches(creds.get().secret(), row.secretSha256())) {
      return Optional.empty();
    }
    ingestUsed.put(id, now);
    return Optional.of(new IngestSender(row.orgId(), row.id(), row.developerId() != null));
  }

  /**
   * The caller behind an API token: an organization token acts as admin, a personal token as its
   * account (with the account's current role; a disabled account's tokens stop working).
   */
  public Optional<Principal> apiPrincipal(String authorization) {
    String token = Tokens.fromAuthorization(authorization);
    if (token == null || token.isEmpty() || token.length() > 512 || Tokens.parseIngest(token).isPresent()) {
      return Optional.empty();
    }
    String hash = Tokens.sha256(token);
    ApiCaller c = cached(api, hash, () -> store.findApiToken(hash).filter(r -> !r.revoked()).map(this::caller).orElse(null));
    if (c == null || c.principal() == null) {
      return Optional.empty();
    }
    apiUsed.put(c.tokenId(), clock.instant());
    return Optional.of(c.principal());
  }

  /** A token and who it acts as (null when its account is disabled). */
  private record ApiCaller(long tokenId, Principal principal) {}

  private ApiCaller caller(TokenStore.ApiTokenRecord row) {
    if (row.userId() == null) {
      return new ApiCaller(row.id(), new Principal(row.orgId(), null, "api token " + row.name(), Role.ADMIN, null, null, null));
    }
    return new ApiCaller(row.id(), accounts.user(row.userId()).filter(u -> !u.disabled() && u.orgId() == row.orgId())
        .map(u -> new Principal(u.orgId(), u.id(), u.email(), u.role(), u.developerId(), null, null)).orElse(null));
  }

  /** Forgets cached API tokens at once, after one was revoked here. */
  public void forgetApiTokens() {
    api.clear();
  }

  /** Forgets a token at once, after it was revoked or rotated here. */
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
