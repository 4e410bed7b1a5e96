package dev.yardstick.removal;

import dev.yardstick.identity.AliasKind;
import dev.yardstick.identity.IdentityResolver;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.model.AdminUsage.ActorType;
import dev.yardstick.model.Identity;
import dev.yardstick.model.UsageField;
import dev.yardstick.storage.AdminUsageRemoval;
import dev.yardstick.storage.RemovalLog;
import dev.yardstick.storage.TelemetryRemoval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a removal as the API answers it and the audit log keeps it: who, when, the filter,
 * and per source what went, with the report's figures that went down (in the report's names).
 */
public final class RemovalAnswer {
  /** How the answer names groups stored before ingest tokens were recorded. */
  static final String UNKNOWN_TOKEN = "unknown: stored before ingest tokens were recorded";

  private RemovalAnswer() {}

  public static Map<String, Object> of(RemovalLog.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("dryRun", e.dryRun());
    m.put("state", e.state());
    m.put("requestedAt", e.requestedAt().toString());
    m.put("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString());
    Map<String, Object> by = new LinkedHashMap<>();
    by.put("kind", e.by().kind());
    by.put("id", e.by().id());
    by.put("name", e.by().name());
    m.put("by", by);
    m.put("filter", e.filter());
    m.put("telemetry", e.outcome() == null ? null : e.outcome().get("telemetry"));
    m.put("adminApi", e.outcome() == null ? null : e.outcome().get("adminApi"));
    m.put("error", e.error());
    return m;
  }

  /** What went from each source (null: the source was not asked). */
  static Map<String, Object> outcome(TelemetryRemoval.Outcome t, AdminUsageRemoval.Outcome a, Map<Long, Identity> identities,
      IdentityResolver resolver, Map<String, String> tokenNames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("telemetry", t == null ? null : telemetry(t, identities, resolver, tokenNames));
    m.put("adminApi", a == null ? null : admin(a, resolver));
    return m;
  }

  private static Map<String, Object> telemetry(TelemetryRemoval.Outcome t, Map<Long, Identity> identities,
      IdentityResolver resolver, Map<String, String> tokenNames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factGroups", t.factGroups());
    m.put("points", t.points());
    m.put("events", t.events());
    m.put("days", t.days().stream().map(Object::toString).toList());
    m.put("dayRowsRebuilt", t.dayRows());
    List<Map<String, Object>> ids = new ArrayList<>();
    t.groupsByIdentity().forEach((id, groups) -> {
      Identity identity = identities.getOrDefault(id, Identity.UNKNOWN);
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("id", id);
      i.put("developer", developer(resolver, resolver.developerOf(identity)));
      i.put("identifiers", IdentityResolver.evidence(identity).stream().map(RemovalAnswer::identifier).toList());
      i.put("factGroups", groups);
      ids.add(i);
    });
    m.put("identities", ids);
    List<Map<String, Object>> tokens = new ArrayList<>();
    t.groupsByToken().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(e -> {
          Map<String, Object> k = new LinkedHashMap<>();
          k.put("id", e.getKey());
          k.put("name", e.getKey() == null ? UNKNOWN_TOKEN : tokenNames.get(e.getKey()));
          k.put("factGroups", e.getValue());
          tokens.add(k);
        });
    m.put("ingestTokens", tokens);
    Map<String, Object> figures = figures(t.figures(), true);
    figures.put("events", count(t.eventsCounted()));
    m.put("figures", figures);
    return m;
  }

  private static Map<String, Object> admin(AdminUsageRemoval.Outcome a, IdentityResolver resolver) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", a.rows());
    m.put("days", a.days().stream().map(Object::toString).toList());
    List<Map<String, Object>> actors = new ArrayList<>();
    a.rowsByActor().forEach((actor, rows) -> {
      RawId raw = new RawId(actor.type() == ActorType.USER ? AliasKind.EMAIL : AliasKind.API_KEY_NAME, actor.name());
      Map<String, Object> x = identifier(raw);
      x.put("developer", developer(resolver, resolver.developerOf(raw)));
      x.put("rows", rows);
      actors.add(x);
    });
    m.put("actors", actors);
    m.put("figures", figures(a.figures(), false));
    return m;
  }

  /** The figures in the report's names and units. */
  private static Map<String, Object> figures(double[] v, boolean activeTime) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessions", count(v[UsageField.SESSIONS.ordinal()]));
    m.put("aiLinesAdded", count(v[UsageField.LINES_ADDED.ordinal()]));
    m.put("aiLinesRemoved", count(v[UsageField.LINES_REMOVED.ordinal()]));
    m.put("editsAccepted", count(v[UsageField.EDITS_ACCEPTED.ordinal()]));
    m.put("editsRejected", count(v[UsageField.EDITS_REJECTED.ordinal()]));
    m.put("commitsByClaudeCode", count(v[UsageField.COMMITS.ordinal()]));
    m.put("pullRequestsByClaudeCode", count(v[UsageField.PULL_REQUESTS.ordinal()]));
    m.put("costUsd", round(v[UsageField.COST_USD.ordinal()], 1e6));
    Map<String, Object> tokens = new LinkedHashMap<>();
    tokens.put("input", count(v[UsageField.TOKENS_INPUT.ordinal()]));
    tokens.put("output", count(v[UsageField.TOKENS_OUTPUT.ordinal()]));
    tokens.put("cacheRead", count(v[UsageField.TOKENS_CACHE_READ.ordinal()]));
    tokens.put("cacheCreation", count(v[UsageField.TOKENS_CACHE_CREATION.ordinal()]));
    m.put("tokens", tokens);
    if (activeTime) {
      m.put("activeTimeSeconds",
          round(v[UsageField.ACTIVE_USER_SECONDS.ordinal()] + v[UsageField.ACTIVE_CLI_SECONDS.ordinal()], 1e3));
    }
    return m;
  }

  private static Map<String, Object> identifier(RawId raw) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", raw.kind().wire());
    m.put("value", raw.value());
    return m;
  }

  private static String developer(IdentityResolver resolver, java.util.OptionalLong id) {
    return id.isEmpty() ? null : resolver.developer(id.getAsLong()).map(d -> d.email()).orElse(null);
  }

  // whole numbers as integers; a poisoned figure past what a long holds stays a double
  private static Object count(double v) {
    return v == Math.rint(v) && Math.abs(v) < 9.0e18 ? (Object) (long) v : (Object) v;
  }

  private static double round(double v, double scale) {
    return Math.abs(v) < 1e9 ? Math.round(v * scale) / scale : v;
  }
}
