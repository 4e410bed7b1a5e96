package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.auth.Tokens;
import dev.yardstick.identity.People.RawId;
import dev.yardstick.removal.DataRemoval;
import dev.yardstick.removal.RemovalAnswer;
import dev.yardstick.removal.RemovalRequest;
import dev.yardstick.removal.RemovalRequest.Source;
import dev.yardstick.storage.RemovalLog;
import dev.yardstick.storage.TokenStore;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/data/removals: remove data (or say what would go), and the audit log of removals. */
public final class DataRemovalApi {
  private static final List<String> FIELDS = List.of("ingestToken", "identity", "developerId", "from", "to", "sources", "all",
      "dryRun");

  private final DataRemoval removals;
  private final TokenStore tokens;

  public DataRemovalApi(DataRemoval removals, TokenStore tokens) {
    this.removals = removals;
    this.tokens = tokens;
  }

  /** 200 with what would go for a dry run; 201 with what went, and its audit log entry as Location. */
  public void create(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) { // a misspelt filter must not widen a removal
        throw new IllegalArgumentException("unknown field \"" + f + "\"; the fields are " + String.join(", ", FIELDS));
      }
    });
    RemovalRequest r = new RemovalRequest(ApiRequests.optionalText(body, "ingestToken", 200), identity(body.get("identity")),
        developerId(body.get("developerId")), ApiRequests.optionalDate(body, "from", null),
        ApiRequests.optionalDate(body, "to", null), sources(body.get("sources")),
        flag(body, "all"), flag(body, "dryRun"));
    Principal p = ApiRequests.principal(ctx);
    RemovalLog.Entry e = removals.remove(p.orgId(), r, by(ctx, p));
    if (!r.dryRun()) {
      ctx.header("Location", "/api/v1/data/removals/" + e.id());
    }
    ctx.status(r.dryRun() ? 200 : 201).json(RemovalAnswer.of(e));
  }

  /** The audit log, newest first ({@code limit}, default 100). */
  public void list(Context ctx) {
    int limit = 100;
    String l = ctx.queryParam("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l.trim());
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("limit must be a number from 1 to 1000 (got \"" + l + "\")");
      }
    }
    ctx.json(Map.of("removals", removals.log(ApiRequests.org(ctx), limit).stream().map(RemovalAnswer::of).toList()));
  }

  public void get(Context ctx) {
    ctx.json(RemovalAnswer.of(removals.entry(ApiRequests.org(ctx), ApiRequests.pathId(ctx, "id"))));
  }

  /** A signed-in user or personal token is the user; an organization token is found by its hash to name it. */
  private RemovalLog.By by(Context ctx, Principal p) {
    if (p.userId() != null) {
      return new RemovalLog.By("user", Long.toString(p.userId()), p.email());
    }
    String token = Tokens.fromAuthorization(ctx.header("Authorization"));
    return tokens.findApiToken(Tokens.sha256(token == null ? "" : token))
        .map(t -> new RemovalLog.By("api_token", Long.toString(t.id()), t.name()))
        .orElse(new RemovalLog.By("api_token", null, p.email()));
  }

  private static RawId identity(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException("\"identity\" must be an object {\"kind\", \"value\"}, as GET /api/v1/identities/unmatched"
          + " lists them");
    }
    return RemovalRequest.identity(ApiRequests.requiredText(v, "kind", 20), ApiRequests.requiredText(v, "value", 512));
  }

  private static Long developerId(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("\"developerId\" must be a developer's id (a number)");
    }
    return v.asLong();
  }

  private static Set<Source> sources(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("\"sources\" must be a list: [\"telemetry\"], [\"admin_api\"] or both");
    }
    Set<Source> out = EnumSet.noneOf(Source.class);
    v.forEach(s -> out.add(Source.parse(s.asText())));
    return out;
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("\"" + field + "\" must be true or false");
    }
    return v.asBoolean();
  }
}
