package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.Principal;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.auth.Tokens;
import dev.yardstick.model.Role;
import dev.yardstick.storage.TokenStore;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/account (who am I, password, personal API tokens) and /api/v1/invitations. */
public final class AccountApi {
  private final AccountService accounts;
  private final TokenStore tokens;
  private final TokenAuthenticator auth;
  private final URI publicUrl;
  private final Clock clock;

  public AccountApi(AccountService accounts, TokenStore tokens, TokenAuthenticator auth, URI publicUrl, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.auth = auth;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  public void me(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("email", p.email());
    m.put("role", p.role().wire());
    m.put("developerId", p.developerId());
    m.put("organizationId", p.orgId());
    ctx.json(m);
  }

  public void changePassword(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    accounts.changePassword(account(ctx), ApiRequests.requiredText(body, "current", 200), ApiRequests.requiredText(body, "new", 200));
    ctx.status(204);
  }

  public void createToken(Context ctx) {
    Principal p = account(ctx);
    String name = ApiRequests.requiredText(ApiRequests.body(ctx), "name", 200);
    String token = Tokens.newApiToken();
    long id = tokens.createPersonalToken(p.orgId(), p.userId(), name, Tokens.sha256(token), clock.instant());
    ctx.status(201).json(Map.of("id", id, "name", name, "token", token));
  }

  public void listTokens(Context ctx) {
    Principal p = account(ctx);
    ctx.json(Map.of("tokens", tokens.personalTokens(p.orgId(), p.userId()).stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("name", t.name());
      m.put("createdAt", t.createdAt().toString());
      m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
      return m;
    }).toList()));
  }

  public void revokeToken(Context ctx) {
    Principal p = account(ctx);
    if (!tokens.revokePersonalToken(p.orgId(), p.userId(), ApiRequests.pathId(ctx, "id"), clock.instant())) {
      throw new dev.yardstick.model.NotFoundException("you have no API token " + ctx.pathParam("id"));
    }
    auth.forgetApiTokens();
    ctx.status(204);
  }

  /** An invitation link for a new account (shown once); the admin hands it over, no mail server needed. */
  public void invite(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    Principal p = ApiRequests.principal(ctx);
    String email = ApiRequests.requiredText(body, "email", 320);
    String token = accounts.invite(p, email, Role.parse(ApiRequests.requiredText(body, "role", 20)));
    ctx.status(201).json(Map.of("email", email.trim().toLowerCase(), "url", invitationUrl(publicUrl, token)));
  }

  /** The link an invited person opens; the pages show the same one. */
  public static String invitationUrl(URI publicUrl, String token) {
    return publicUrl + "/invite/" + token;
  }

  private static Principal account(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    if (p.userId() == null) {
      throw new IllegalArgumentException("an organization API token has no account; sign in or use a personal token");
    }
    return p;
  }
}
