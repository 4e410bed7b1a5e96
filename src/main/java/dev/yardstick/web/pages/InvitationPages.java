package dev.yardstick.web.pages;

import dev.yardstick.auth.AccountService;
import dev.yardstick.model.Role;
import dev.yardstick.web.api.AccountApi;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** /invitations (admins): invite a person with a role; the page shows the link to pass on, once, as the API does. */
public final class InvitationPages {
  private final AccountService accounts;
  private final URI publicUrl;

  public InvitationPages(AccountService accounts, URI publicUrl) {
    this.accounts = accounts;
    this.publicUrl = publicUrl;
  }

  public void show(Context ctx) {
    render(ctx, FormState.NONE, null, null);
  }

  public void invite(Context ctx) {
    String email = ctx.formParam("email");
    try {
      String token = accounts.invite(ApiRequests.principal(ctx), email, Role.parse(String.valueOf(ctx.formParam("role"))));
      render(ctx, FormState.NONE, email.trim().toLowerCase(java.util.Locale.ROOT), AccountApi.invitationUrl(publicUrl, token));
    } catch (IllegalArgumentException e) {
      ctx.status(FormState.status(e));
      render(ctx, FormState.refused(ctx, "invite", e.getMessage()), null, null);
    }
  }

  private static void render(Context ctx, FormState form, String invited, String link) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(ctx, "teams"));
    params.put("form", form);
    params.put("invited", invited);
    params.put("link", link);
    params.put("roles", java.util.Arrays.stream(Role.values()).map(Role::wire).toList());
    Pages.render(ctx, "invitations.jte", params);
  }
}
