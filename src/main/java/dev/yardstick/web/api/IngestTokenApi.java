package dev.yardstick.web.api;

import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.auth.Tokens;
import dev.yardstick.storage.TokenStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/ingest-tokens: create (the only time the token is shown), list without secrets, revoke. */
public final class IngestTokenApi {
  private final TokenStore tokens;
  private final TokenAuthenticator auth;
  private final Clock clock;

  public IngestTokenApi(TokenStore tokens, TokenAuthenticator auth, Clock clock) {
    this.tokens = tokens;
    this.auth = auth;
    this.clock = clock;
  }

  public void create(Context ctx) {
    String name = ApiRequests.requiredText(ApiRequests.body(ctx), "name", 200);
    Tokens.NewIngestToken t = Tokens.newIngestToken();
    Instant now = clock.instant();
    tokens.createIngestToken(ApiRequests.org(ctx), t.id(), name, t.secretSha256(), now);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("name", name);
    out.put("token", t.token());
    out.put("createdAt", now.toString());
    ctx.status(201).json(out);
  }

  public void list(Context ctx) {
    var rows = tokens.listIngestTokens(ApiRequests.org(ctx)).stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("name", t.name());
      m.put("createdAt", t.createdAt().toString());
      m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
      return m;
    }).toList();
    ctx.json(Map.of("tokens", rows));
  }

  public void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!tokens.revokeIngestToken(ApiRequests.org(ctx), id, clock.instant())) {
      throw new dev.yardstick.model.NotFoundException("no ingest token " + id);
    }
    auth.forgetIngest(id);
    ctx.status(204);
  }
}
