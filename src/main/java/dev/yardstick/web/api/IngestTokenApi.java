package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.Principal;
import dev.yardstick.tokens.IngestTokens;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/ingest-tokens (admin: every token, create, rotate, revoke) and /api/v1/developers/{id}/ingest-tokens
 * (that developer or an admin: their personal tokens). A secret is in the answer only when it is made.
 */
public final class IngestTokenApi {
  private final IngestTokens tokens;

  public IngestTokenApi(IngestTokens tokens) {
    this.tokens = tokens;
  }

  public void create(Context ctx) {
    String name = ApiRequests.requiredText(ApiRequests.body(ctx), "name", 200);
    ctx.status(201).json(created(tokens.create(ApiRequests.org(ctx), null, name)));
  }

  public void list(Context ctx) {
    ctx.json(Map.of("tokens", json(tokens.list(ApiRequests.org(ctx)))));
  }

  public void revoke(Context ctx) {
    tokens.revoke(ApiRequests.org(ctx), null, ctx.pathParam("id"));
    ctx.status(204);
  }

  public void rotate(Context ctx) {
    IngestTokens.Rotated r = tokens.rotate(ApiRequests.org(ctx), null, ctx.pathParam("id"), graceHours(ApiRequests.body(ctx)));
    Map<String, Object> out = created(r.token());
    out.put("replaces", r.replaces());
    out.put("oldTokenStopsAt", r.oldStopsAt().toString());
    ctx.status(201).json(out);
  }

  public void createPersonal(Context ctx) {
    long dev = owner(ctx);
    String name = ApiRequests.optionalText(ApiRequests.body(ctx), "name", 200);
    ctx.status(201).json(created(tokens.create(ApiRequests.org(ctx), dev, name == null || name.isBlank() ? "personal" : name)));
  }

  public void listPersonal(Context ctx) {
    long dev = owner(ctx);
    ctx.json(Map.of("tokens", json(tokens.personal(ApiRequests.org(ctx), dev))));
  }

  public void revokePersonal(Context ctx) {
    long dev = owner(ctx);
    tokens.revoke(ApiRequests.org(ctx), dev, ctx.pathParam("tokenId"));
    ctx.status(204);
  }

  private static long owner(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    long dev = ApiRequests.pathId(ctx, "id");
    IngestTokens.mayManage(p, dev);
    return dev;
  }

  private static int graceHours(JsonNode body) {
    JsonNode n = body.get("graceHours");
    if (n == null || n.isNull() || !n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new IllegalArgumentException("\"graceHours\" is required: a whole number of hours from 0 to "
          + IngestTokens.MAX_GRACE_HOURS + " that the old token keeps working" + (n == null ? "" : " (got " + brief(n) + ")"));
    }
    return IngestTokens.graceHours(n.asLong());
  }

  private static String brief(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static Map<String, Object> created(IngestTokens.Created c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.id());
    out.put("name", c.name());
    out.put("token", c.token());
    out.put("createdAt", c.createdAt().toString());
    return out;
  }

  private static List<Map<String, Object>> json(List<IngestTokens.View> views) {
    return views.stream().map(v -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", v.info().id());
      m.put("name", v.info().name());
      m.put("kind", v.kind());
      m.put("developerId", v.info().developerId());
      m.put("state", v.state().wire());
      m.put("createdAt", v.info().createdAt().toString());
      m.put("lastUsedAt", text(v.info().lastUsedAt()));
      m.put("expiresAt", text(v.info().expiresAt()));
      m.put("revokedAt", text(v.info().revokedAt()));
      m.put("replaces", v.info().replaces());
      m.put("replacedBy", v.info().replacedBy());
      m.put("developersSeen", v.seen().developers());
      m.put("unmatchedIdentitiesSeen", v.seen().unmatchedIdentities());
      return m;
    }).toList();
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
