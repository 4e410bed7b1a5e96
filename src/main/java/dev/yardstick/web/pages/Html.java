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

  /** A full page in the frame of layout.jte; {@code who} is null on the sign-in pages. */
  public static String page(String title, Principal who, String body) {
    return page(title, who, null, body);
  }

  /** A full page whose menu item {@code current} (a Frame nav key) is marked as "you are here". */
  public static String page(String title, Principal who, String current, String body) {
    gg.jte.Content content = out -> out.writeContent(body); // already escaped by the page that built it
    return Pages.toString("layout.jte", java.util.Map.of("frame", new Frame(who, current), "title", title, "content", content));
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
