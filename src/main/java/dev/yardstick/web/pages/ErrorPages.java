package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Errors of the pages as HTML in the page frame, with a way back; the JSON API, OTLP receivers and
 * health routes keep their JSON and plain answers for the programs that call them.
 */
public final class ErrorPages {
  private ErrorPages() {}

  /** Whether the path belongs to the pages (and unknown paths a person may type), not to a program's API. */
  public static boolean isPage(String path) {
    return !(path.startsWith("/api/") || path.startsWith("/v1/") || path.startsWith("/otel/") || path.equals("/metrics")
        || path.equals("/healthz") || path.equals("/readyz"));
  }

  /**
   * Renders the error page; {@code who} is null for a caller not signed in. A 5xx shows a fixed text:
   * an exception's message may carry internals, so it is never shown.
   */
  public static void render(Context ctx, int status, String message, Principal who) {
    String title = switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Sign in first";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 429 -> "Too many attempts";
      case 503 -> "Temporarily unavailable";
      default -> status >= 500 ? "Something went wrong" : "Request refused";
    };
    String text = switch (status) {
      case 403 -> "You may not open this: " + message + ".";
      case 503 -> "The database cannot be reached just now. Try again in a few seconds.";
      default -> status >= 500 ? "The server failed to answer this request. It has been logged; try again, or tell your administrator."
          : message;
    };
    ctx.status(status).contentType("text/html; charset=utf-8").result(Pages.toString("error.jte",
        Map.of("frame", new Frame(who, null), "status", status, "title", title, "message", text)));
  }
}
