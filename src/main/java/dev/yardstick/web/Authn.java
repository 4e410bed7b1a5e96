package dev.yardstick.web;

import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.Principal;
import dev.yardstick.auth.TokenAuthenticator;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The before-handler of every route: finds the caller (a Bearer API token, or the session cookie),
 * enforces the route's access rule, and checks the CSRF token of state-changing requests made
 * with a session cookie. Bearer-token calls need no CSRF token: a browser never sends them by itself.
 */
final class Authn {
  static final String SESSION_COOKIE = "ys_session";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final TokenAuthenticator tokens;
  private final AccountService accounts;

  Authn(TokenAuthenticator tokens, AccountService accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  void check(Context ctx) {
    Access access = ctx.routeRoles().stream().filter(r -> r instanceof Access).map(r -> (Access) r).findFirst()
        .orElseThrow(() -> new IllegalStateException("route " + ctx.path() + " has no access rule"));
    if (access.minimum() == null) {
      return;
    }
    Principal p = caller(ctx).orElseThrow(() -> new HttpProblem(401, "sign in, or send Authorization: Bearer <api token>"));
    if (!p.role().atLeast(access.minimum())) {
      throw new HttpProblem(403, "a " + p.role().wire() + " may not call " + ctx.method() + " " + ctx.path()); // endpoint() is this before-handler's own "*" here
    }
    if (p.viaSession() && !SAFE_METHODS.contains(ctx.method().name()) && !csrfMatches(ctx, p.csrfToken())) {
      throw new HttpProblem(403, "the form or request lacks its CSRF token; reload the page and try again");
    }
    ctx.attribute(dev.yardstick.web.api.ApiRequests.PRINCIPAL, p);
  }

  /** The caller, if any: a Bearer token wins over a cookie. */
  Optional<Principal> caller(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && !authorization.isBlank()) {
      return tokens.apiPrincipal(authorization);
    }
    return accounts.session(ctx.cookie(SESSION_COOKIE));
  }

  private static boolean csrfMatches(Context ctx, String expected) {
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam("csrf");
    }
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
  }
}
