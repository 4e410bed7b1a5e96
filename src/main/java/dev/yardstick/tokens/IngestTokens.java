package dev.yardstick.tokens;

import dev.yardstick.auth.Principal;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.auth.Tokens;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.model.ConflictException;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Identity;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.model.Role;
import dev.yardstick.people.PeopleService;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.storage.TokenStore.IngestTokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ingest tokens as an admin and a developer manage them: organization and personal tokens, made (the secret shown
 * once), rotated with a grace period, revoked, and listed with their state and the developers seen per token.
 * The API and the pages share it; a change takes effect on this server at once.
 */
public final class IngestTokens {
  public static final int MAX_GRACE_HOURS = 720;

  private final TokenStore store;
  private final TokenAuthenticator auth;
  private final PeopleService people;
  private final Clock clock;

  /** A listed token. */
  public record View(IngestTokenInfo info, TokenState state, DevelopersSeen seen) {
    public String kind() {
      return info.developerId() == null ? "organization" : "personal";
    }
  }

  /** A token just made: the only time its secret is known. */
  public record Created(String id, String name, String token, Instant createdAt) {}

  /** A rotation: the new token, and when the old one stops. */
  public record Rotated(Created token, String replaces, Instant oldStopsAt) {}

  public IngestTokens(TokenStore store, TokenAuthenticator auth, PeopleService people, Clock clock) {
    this.store = store;
    this.auth = auth;
    this.people = people;
    this.clock = clock;
  }

  /** @param developerId the owner of a personal token, or null for an organization token */
  public Created create(long org, Long developerId, String name) {
    if (developerId != null) {
      people.developer(org, developerId); // throws NotFoundException
    }
    Tokens.NewIngestToken t = Tokens.newIngestToken();
    Instant now = clock.instant();
    store.createIngestToken(org, developerId, t.id(), name, t.secretSha256(), now);
    if (developerId != null) {
      people.identifiersChanged(org); // data sent with it from now on resolves to its owner
    }
    return new Created(t.id(), name, t.token(), now);
  }

  /** Checks a grace period in hours; the message says what is wrong. */
  public static int graceHours(long hours) {
    if (hours < 0 || hours > MAX_GRACE_HOURS) {
      throw new IllegalArgumentException("\"graceHours\" must be a whole number of hours from 0 to " + MAX_GRACE_HOURS
          + " (30 days) (got " + hours + ")");
    }
    return (int) hours;
  }

  /**
   * A new token replaces {@code id}; the old one keeps working for {@code graceHours} (0 = stops now).
   *
   * @param owner the developer whose token it must be, or null for any token of the organization
   */
  public Rotated rotate(long org, Long owner, String id, int graceHours) {
    IngestTokenInfo old = token(org, owner, id);
    Instant now = clock.instant();
    Tokens.NewIngestToken t = Tokens.newIngestToken();
    Instant stops = now.plus(Duration.ofHours(graceHours));
    if (!store.rotateIngestToken(org, id, t.id(), t.secretSha256(), now, stops)) {
      throw new ConflictException("ingest token " + id + " is " + (old.replacedBy() != null
          ? "already replaced by " + old.replacedBy() + ": rotate that one" : TokenState.of(old, now).wire()));
    }
    auth.forgetIngest(id);
    Instant oldStops = old.expiresAt() != null && old.expiresAt().isBefore(stops) ? old.expiresAt() : stops;
    return new Rotated(new Created(t.id(), old.name(), t.token(), now), id, oldStops);
  }

  /** Revokes a token at once; @param owner as for {@link #rotate}. */
  public void revoke(long org, Long owner, String id) {
    token(org, owner, id);
    if (!store.revokeIngestToken(org, id, clock.instant())) {
      throw new NotFoundException("ingest token " + id + " is revoked already");
    }
    auth.forgetIngest(id);
  }

  /** Every token of the organization, organization and personal ones. */
  public List<View> list(long org) {
    return views(org, store.listIngestTokens(org));
  }

  public List<View> personal(long org, long developerId) {
    people.developer(org, developerId); // throws NotFoundException
    return views(org, store.personalIngestTokens(org, developerId));
  }

  /** Admins may manage anyone's personal tokens; anybody else only their own. */
  public static void mayManage(Principal p, long developerId) {
    if (p.role() != Role.ADMIN && (p.developerId() == null || p.developerId() != developerId)) {
      throw new ForbiddenException("only developer " + developerId + " and admins may manage their ingest tokens");
    }
  }

  private IngestTokenInfo token(long org, Long owner, String id) {
    return store.ingestToken(org, id).filter(t -> owner == null || owner.equals(t.developerId()))
        .orElseThrow(() -> new NotFoundException("no ingest token " + id));
  }

  private List<View> views(long org, List<IngestTokenInfo> tokens) {
    Instant now = clock.instant();
    IdentityResolver resolver = people.resolver(org);
    Map<String, List<Identity>> seen = tokens.isEmpty() ? Map.of() : store.tokenIdentities(org);
    return tokens.stream().map(t -> new View(t, TokenState.of(t, now),
        DevelopersSeen.of(seen.getOrDefault(t.id(), List.of()), resolver))).toList();
  }
}
