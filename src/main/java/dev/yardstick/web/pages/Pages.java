package dev.yardstick.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the precompiled JTE templates of src/main/jte. Html content type: every ${value} is
 * escaped for where it stands (text, attribute), so a template cannot forget to escape.
 */
public final class Pages {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
      "dev.yardstick.web.templates");

  private Pages() {}

  /** A whole page (its template wraps itself in layout.jte). */
  public static void render(Context ctx, String template, Map<String, Object> params) {
    ctx.contentType("text/html; charset=utf-8").result(toString(template, params));
  }

  /** A part of a page that htmx swaps in. */
  public static void fragment(Context ctx, String template, Map<String, Object> params) {
    render(ctx, template, params);
  }

  public static String toString(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(8192);
    ENGINE.render(template, params, out);
    return out.toString();
  }
}
