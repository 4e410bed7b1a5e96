package dev.yardstick.web.pages;

import static dev.yardstick.web.pages.Html.esc;

import dev.yardstick.auth.AccountService;
import dev.yardstick.auth.AccountService.SignIn;
import dev.yardstick.auth.Principal;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/** Sign-in, sign-out, first-start setup and invitation links. */
public final class SignInPages {
  public static final String SESSION_COOKIE = "ys_session";
  static final String DEVICE_COOKIE = "ys_device";
  private static final int SESSION_SECONDS = 14 * 24 * 3600;
  private static final int DEVICE_SECONDS = 365 * 24 * 3600;

  private final AccountService accounts;
  private final boolean httpsPublicUrl;
  private final Function<Context, String> clientAddress;

  /** @param clientAddress where a request came from, after trusted proxies */
  public SignInPages(AccountService accounts, URI publicUrl, Function<Context, String> clientAddress) {
    this.accounts = accounts;
    this.httpsPublicUrl = "https".equals(publicUrl.getScheme());
    this.clientAddress = clientAddress;
  }

  public void loginForm(Context ctx) {
    ctx.html(loginPage(ctx.queryParam("next"), null, null, accounts.setupOpen()));
  }

  public void login(Context ctx) {
    sameOrigin(ctx);
    String email = ctx.formParam("email");
    String next = LocalPath.orHome(ctx.formParam("next"));
    try {
      Optional<SignIn> s = accounts.signIn(email, ctx.formParam("password"), clientAddress.apply(ctx), ctx.cookie(DEVICE_COOKIE));
      if (s.isEmpty()) {
        ctx.status(401).html(loginPage(next, email, "Wrong email or password.", false));
        return;
      }
      startSession(ctx, s.get());
      ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (AccountService.TooManyAttempts e) {
      ctx.status(429).header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .html(loginPage(next, email, "Too many failed sign-ins. Try again in " + e.retryAfterSeconds() + " seconds.", false));
    }
  }

  public void logout(Context ctx) {
    accounts.signOut(ApiRequests.principal(ctx));
    ctx.removeCookie(SESSION_COOKIE, "/");
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The first admin's form, only while there is no admin; afterwards the page is gone. */
  public void setupForm(Context ctx) {
    if (!accounts.setupOpen()) {
      setUp(ctx);
      return;
    }
    ctx.html(setupPage(null));
  }

  public void setup(Context ctx) {
    sameOrigin(ctx);
    try {
      startSession(ctx, accounts.setup(ctx.formParam("code"), ctx.formParam("email"), ctx.formParam("password")));
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (AccountService.SetupClosed e) {
      setUp(ctx);
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(setupPage(e.getMessage()));
    }
  }

  private static void setUp(Context ctx) {
    ctx.status(404).html(Html.page("Set up", null, "<p>Yardstick is set up. <a href=\"/login\">Sign in</a>.</p>"));
  }

  public void invitationForm(Context ctx) {
    var inv = accounts.invitation(ctx.pathParam("token"));
    if (inv.isEmpty()) {
      ctx.status(404).html(Html.page("Invitation", null, Html.message("This invitation link is used, expired or wrong.", true)));
      return;
    }
    ctx.html(invitationPage(inv.get().email(), inv.get().role().wire(), null));
  }

  public void acceptInvitation(Context ctx) {
    sameOrigin(ctx);
    try {
      startSession(ctx, accounts.acceptInvitation(ctx.pathParam("token"), ctx.formParam("password")));
      ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      var inv = accounts.invitation(ctx.pathParam("token"));
      ctx.status(400).html(invitationPage(inv.map(i -> i.email()).orElse(""), inv.map(i -> i.role().wire()).orElse(""), e.getMessage()));
    }
  }

  /**
   * A new session cookie at every sign-in (whatever cookie came before is not reused), and the
   * device cookie that lets this browser sign in while others at its address are throttled; it is
   * sent to the sign-in form only.
   */
  private void startSession(Context ctx, SignIn s) {
    boolean secure = httpsPublicUrl || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || "https".equals(ctx.scheme());
    ctx.cookie(new Cookie(SESSION_COOKIE, s.sessionId(), "/", SESSION_SECONDS, secure, true, null, SameSite.LAX));
    ctx.cookie(new Cookie(DEVICE_COOKIE, s.deviceCookie(), "/login", DEVICE_SECONDS, secure, true, null, SameSite.STRICT));
  }

  /** A form posted from another site is refused (the browser says where it came from). */
  private static void sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null")) {
      String host = URI.create(origin).getAuthority();
      if (host != null && !host.equalsIgnoreCase(ctx.host())) {
        throw new dev.yardstick.model.ForbiddenException("this form was posted from another site");
      }
    }
  }

  private static String loginPage(String next, String email, String error, boolean setupOpen) {
    return Html.page("Sign in", null, Html.message(error, true)
        + "<form class=\"box\" method=\"post\" action=\"/login\">"
        + "<input type=\"hidden\" name=\"next\" value=\"" + esc(LocalPath.orHome(next)) + "\">"
        + "<p><label>Email<br><input name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"" + esc(email) + "\"></label></p>"
        + "<p><label>Password<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>"
        + "<p><button type=\"submit\">Sign in</button></p></form>"
        + (setupOpen ? "<p class=\"muted\">No admin yet? Enter the setup code the server printed at <a href=\"/setup\">/setup</a>.</p>" : ""));
  }

  private static String setupPage(String error) {
    return Html.page("Set up Yardstick", null, Html.message(error, true)
        + "<form class=\"box\" method=\"post\" action=\"/setup\">"
        + "<p><label>Setup code (printed by the server at start; good for an hour)<br><input name=\"code\" required></label></p>"
        + "<p><label>Your email<br><input name=\"email\" type=\"email\" required></label></p>"
        + "<p><label>Password (at least 10 characters)<br><input name=\"password\" type=\"password\" autocomplete=\"new-password\" required></label></p>"
        + "<p><button type=\"submit\">Create the first admin</button></p></form>");
  }

  private static String invitationPage(String email, String role, String error) {
    return Html.page("Join Yardstick", null, Html.message(error, true)
        + "<form class=\"box\" method=\"post\">"
        + "<p>You are invited as <strong>" + esc(role) + "</strong> with the email <strong>" + esc(email) + "</strong>.</p>"
        + "<p><label>Choose a password (at least 10 characters)<br>"
        + "<input name=\"password\" type=\"password\" autocomplete=\"new-password\" required></label></p>"
        + "<p><button type=\"submit\">Create my account</button></p></form>");
  }

  static Principal who(Context ctx) {
    return ApiRequests.principal(ctx);
  }
}
