package dev.yardstick.removal;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Identity;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.people.PeopleService;
import dev.yardstick.removal.RemovalRequest.Source;
import dev.yardstick.storage.AdminUsageQueries;
import dev.yardstick.storage.AdminUsageRemoval;
import dev.yardstick.storage.RemovalLog;
import dev.yardstick.storage.ReportQueries;
import dev.yardstick.storage.TelemetryRemoval;
import dev.yardstick.storage.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Removes data an admin names (by ingest token, identity or developer, and days), or says what would
 * go, and records every run in the audit log: who, when, the filter, what went.
 */
public final class DataRemoval {
  private final TelemetryRemoval telemetry;
  private final AdminUsageRemoval admin;
  private final RemovalLog log;
  private final TokenStore tokens;
  private final ReportQueries identities;
  private final AdminUsageQueries actors;
  private final PeopleService people;
  private final Clock clock;

  public DataRemoval(TelemetryRemoval telemetry, AdminUsageRemoval admin, RemovalLog log, TokenStore tokens,
      ReportQueries identities, AdminUsageQueries actors, PeopleService people, Clock clock) {
    this.telemetry = telemetry;
    this.admin = admin;
    this.log = log;
    this.tokens = tokens;
    this.identities = identities;
    this.actors = actors;
    this.people = people;
    this.clock = clock;
  }

  /** Removes what the request names (or, for a dry run, only says what would go); the audit log's entry. */
  public RemovalLog.Entry remove(long org, RemovalRequest r, RemovalLog.By by) {
    if (r.ingestToken() != null && tokens.findIngestToken(r.ingestToken()).filter(t -> t.orgId() == org).isEmpty()) {
      throw new IllegalArgumentException("no ingest token \"" + r.ingestToken() + "\" in this organization");
    }
    IdentityResolver resolver = people.resolver(org);
    if (r.developerId() != null && resolver.developer(r.developerId()).isEmpty()) {
      throw new IllegalArgumentException("no developer " + r.developerId());
    }
    Map<Long, Identity> known = identities.identities(org);
    Instant now = clock.instant();
    long id = log.start(org, by, r.dryRun(), r.describe(), now);
    Long removal = r.dryRun() ? null : id;
    try {
      TelemetryRemoval.Outcome t = null;
      AdminUsageRemoval.Outcome a = null;
      if (r.sources().contains(Source.TELEMETRY)) {
        Set<Long> ids = r.identity() == null && r.developerId() == null ? null : known.entrySet().stream()
            .filter(e -> matches(r, resolver).test(e.getValue())).map(Map.Entry::getKey)
            .collect(Collectors.toSet());
        t = telemetry.run(org, new TelemetryRemoval.Filter(r.ingestToken(), ids, r.from(), r.to()), removal, now);
      }
      if (r.sources().contains(Source.ADMIN_API)) {
        a = admin.run(org, new AdminUsageRemoval.Filter(adminActors(org, r, resolver), r.from(), r.to()), removal);
      }
      Map<String, Object> outcome = RemovalAnswer.outcome(t, a, known, resolver, tokens.ingestTokenNames(org));
      log.finish(id, t == null ? 0 : t.factGroups(), a == null ? 0 : a.rows(), outcome, clock.instant());
    } catch (RuntimeException e) {
      log.fail(id, "stopped: " + e.getMessage() + " (what went before stays removed; run the same removal again to finish)",
          clock.instant());
      throw e;
    }
    return entry(org, id);
  }

  public List<RemovalLog.Entry> log(long org, int limit) {
    return log.list(org, limit);
  }

  public RemovalLog.Entry entry(long org, long id) {
    return log.find(org, id).orElseThrow(() -> new NotFoundException("no removal " + id));
  }

  // a telemetry identity that carries the identifier named, or that resolves to the developer as reports resolve it
  private static Predicate<Identity> matches(RemovalRequest r, IdentityResolver resolver) {
    if (r.identity() != null) {
      return identity -> IdentityResolver.evidence(identity).contains(r.identity());
    }
    return identity -> resolver.developerOf(identity).orElse(-1) == r.developerId();
  }

  /** The Admin API actors the request names; null for any. */
  private Set<AdminUsageRemoval.Actor> adminActors(long org, RemovalRequest r, IdentityResolver resolver) {
    if (r.identity() == null && r.developerId() == null) {
      return null;
    }
    Set<AdminUsageRemoval.Actor> out = new TreeSet<>();
    for (AdminUsageQueries.Actor a : actors.actors(org)) {
      RawId raw = new RawId(a.type() == ActorType.USER ? AliasKind.EMAIL : AliasKind.API_KEY_NAME, a.actor());
      if (r.identity() != null ? raw.equals(r.identity()) : resolver.developerOf(raw).orElse(-1) == r.developerId()) {
        out.add(new AdminUsageRemoval.Actor(a.type(), a.actor()));
      }
    }
    return out;
  }
}
