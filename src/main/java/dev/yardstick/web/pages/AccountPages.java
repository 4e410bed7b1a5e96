package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.Principal;
import dev.yardstick.auth.TokenAuthenticator;
import dev.yardstick.auth.Tokens;
import dev.yardstick.storage.TokenStore;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.time.Clock;

/** The caller's account: password change and personal API tokens for scripts. */
public final class AccountPages {
  private final AccountService accounts;
  private final TokenStore tokens;
  private final TokenAuthenticator auth;
  private final Clock clock;

  public AccountPages(AccountService accounts, TokenStore tokens, TokenAuthenticator auth, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.auth = auth;
    this.clock = clock;
  }

  public void show(Context ctx) {
    ctx.html(page(ApiRequests.principal(ctx), null, false, null));
  }

  public void changePassword(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    try {
      accounts.changePassword(p, ctx.formParam("current"), ctx.formParam("new"));
      ctx.html(page(p, "Password changed. Your other sessions were signed out; your API tokens below still work.", false, null));
    } catch (AccountService.TooManyAttempts e) {
      ctx.status(429).header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .html(page(p, "Too many wrong passwords. Try again in " + e.retryAfterSeconds() + " seconds.", true, null));
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(page(p, e.getMessage(), true, null));
    }
  }

  public void createToken(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    String name = ctx.formParam("name");
    if (name == null || name.isBlank() || p.userId() == null) {
      ctx.status(400).html(page(p, "Give the token a name.", true, null));
      return;
    }
    String token = Tokens.newApiToken();
    tokens.createPersonalToken(p.orgId(), p.userId(), name.trim(), Tokens.sha256(token), clock.instant());
    ctx.html(page(p, "Token created. Copy it now: it is not shown again.", false, token));
  }

  public void revokeToken(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    boolean revoked = p.userId() != null
        && tokens.revokePersonalToken(p.orgId(), p.userId(), ApiRequests.pathId(ctx, "id"), clock.instant());
    auth.forgetApiTokens();
    ctx.status(revoked ? 200 : 404).html(page(p, revoked ? "Token revoked." : "No such token.", !revoked, null));
  }

  private String page(Principal p, String message, boolean error, String newToken) {
    StringBuilder b = new StringBuilder(Html.message(message, error));
    if (newToken != null) {
      b.append("<p class=\"box\">Your new token: <code id=\"new-token\">").append(esc(newToken)).append("</code></p>");
    }
    b.append("<form class=\"box\" method=\"post\" action=\"/account/password\">").append(Html.csrf(p))
        .append("<h2>Change password</h2><p><label>Current password<br><input name=\"current\" type=\"password\" ")
        .append("autocomplete=\"current-password\" required></label></p><p><label>New password (at least 10 characters)<br>")
        .append("<input name=\"new\" type=\"password\" autocomplete=\"new-password\" required></label></p>")
        .append("<p><button type=\"submit\">Change password</button></p></form>");
    b.append("<div class=\"box\"><h2>Personal API tokens</h2><p class=\"muted\">For scripts: they act with your role.</p><div class=\"table-scroll\" tabindex=\"0\"><table>")
        .append("<tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr>");
    if (p.userId() != null) {
      for (var t : tokens.personalTokens(p.orgId(), p.userId())) {
        b.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(esc(t.createdAt())).append("</td><td>")
            .append(t.lastUsedAt() == null ? "never" : esc(t.lastUsedAt())).append("</td><td><form class=\"inline\" method=\"post\" ")
            .append("action=\"/account/tokens/").append(t.id()).append("/revoke\">").append(Html.csrf(p))
            .append("<button type=\"submit\">Revoke</button></form></td></tr>");
      }
    }
    b.append("</table></div><form method=\"post\" action=\"/account/tokens\">").append(Html.csrf(p))
        .append("<p><input name=\"name\" placeholder=\"token name\" required> <button type=\"submit\">Create token</button></p></form></div>");
    return Html.page("Account", p, "account", b.toString());
  }
}
