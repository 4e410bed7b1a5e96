package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;

/** Server-rendered HTML: escaping and the page frame. Every value written into a page goes through {@link #esc}. */
public final class Html {
  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
      header{background:#1d2430;color:#fff;padding:10px 24px;display:flex;gap:18px;align-items:center}
      header a{color:#cfe3ff;text-decoration:none} header .me{margin-left:auto;opacity:.8}
      main{max-width:1040px;margin:24px auto;padding:0 24px}
      table{border-collapse:collapse;width:100%;background:#fff} th,td{padding:6px 10px;border-bottom:1px solid #e3e6ea;text-align:left}
      th{background:#eef1f5;font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
      form.inline{display:inline} input,select,button{font:inherit;padding:5px 8px} button{cursor:pointer}
      .box{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:16px 20px;margin-bottom:20px}
      progress{width:220px;height:14px;vertical-align:middle}
      .err{color:#b00020} .ok{color:#1b7f3a} .muted{color:#6b7480} code{background:#eef1f5;padding:1px 4px}
      """;

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
        + "<title>" + esc(title) + " · Yardstick</title><style>" + STYLE + "</style></head><body>" + nav
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
