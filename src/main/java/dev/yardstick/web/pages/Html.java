package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;

/**
 * Server-rendered HTML: escaping and the page frame. Every value written into a page goes through
 * {@link #esc}. Pages carry no inline style or script (the Content-Security-Policy forbids them).
 */
public final class Html {
  private Html() {}

  public static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A full page; {@code who} is null on the sign-in pages. */
  public static String page(String title, Principal who, String body) {
    StringBuilder nav = new StringBuilder("<header><strong>Yardstick</strong>");
    if (who != null) {
      nav.append("<a href=\"/\">Dashboard</a>");
      if (who.role() != dev.yardstick.model.Role.DEVELOPER) {
        nav.append("<a href=\"/developers\">Developers</a>");
      }
      if (who.role() == dev.yardstick.model.Role.ADMIN) {
        nav.append("<a href=\"/identities\">Unmatched identities</a><a href=\"/repositories\">Repositories</a>")
            .append("<a href=\"/integrations\">Integrations</a>");
      }
      nav.append("<a href=\"/account\">Account</a><span class=\"me\">").append(esc(who.email())).append(" (")
          .append(esc(who.role().wire())).append(")</span>")
          .append("<form class=\"inline\" method=\"post\" action=\"/logout\">").append(csrf(who))
          .append("<button type=\"submit\">Sign out</button></form>");
    }
    nav.append("</header>");
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>" + esc(title) + " · Yardstick</title><link rel=\"stylesheet\" href=\"" + Assets.CSS_URL + "\"></head><body>" + nav
        + "<main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
  }

  /** A progress bar with its figures in words beside it (screen readers and text browsers get the words). */
  public static String progress(long done, long total, String words) {
    long max = Math.max(total, 1);
    return "<progress value=\"" + Math.min(done, max) + "\" max=\"" + max + "\"></progress> <span>" + esc(words) + "</span>";
  }

  /** Reloads the page every few seconds while something it shows is running. */
  public static String refreshWhile(boolean running) {
    return running ? "<meta http-equiv=\"refresh\" content=\"2\">" : "";
  }

  /** The hidden CSRF field every state-changing form carries. */
  public static String csrf(Principal who) {
    return who == null || who.csrfToken() == null ? "" : "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(who.csrfToken()) + "\">";
  }

  public static String message(String text, boolean error) {
    return text == null ? "" : "<p class=\"" + (error ? "err" : "ok") + "\" role=\"status\">" + esc(text) + "</p>";
  }
}
