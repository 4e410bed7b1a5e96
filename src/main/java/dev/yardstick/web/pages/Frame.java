package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.model.Role;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;

/** What the page frame needs: who is signed in (null on the sign-in pages) and which menu item is current. */
public record Frame(Principal who, String current) {
  public static Frame of(Context ctx, String current) {
    return new Frame(ApiRequests.principal(ctx), current);
  }

  public String csrf() {
    return who == null || who.csrfToken() == null ? "" : who.csrfToken();
  }

  /** htmx sends this with every request it makes, so its posts pass the CSRF check without a form field. */
  public String htmxHeaders() {
    return "{\"X-CSRF-Token\": \"" + csrf() + "\"}";
  }

  public boolean signedIn() {
    return who != null;
  }

  public boolean atLeast(Role role) {
    return who != null && who.role().atLeast(role);
  }

  public boolean isAdmin() {
    return atLeast(Role.ADMIN);
  }

  public boolean isManager() {
    return atLeast(Role.MANAGER);
  }

  /** aria-current for the menu's "you are here". */
  public String currentIf(String key) {
    return key.equals(current) ? "page" : null;
  }
}
