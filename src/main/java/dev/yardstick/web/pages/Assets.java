package dev.yardstick.web.pages;

import dev.yardstick.auth.Tokens;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages' style sheet, script and htmx, served as files so that the Content-Security-Policy needs
 * no 'unsafe-inline'. Our own files' URLs carry a digest of their content, so a browser may keep them
 * for a day and still gets a changed file at once; htmx's and ECharts' URLs carry their versions.
 */
public final class Assets {
  public static final String CSS_PATH = "/assets/yardstick.css";
  public static final String JS_PATH = "/assets/yardstick.js";
  public static final String HTMX_VERSION = "2.0.10";
  public static final String HTMX_PATH = "/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";
  public static final String ECHARTS_VERSION = "5.3.1";
  public static final String ECHARTS_PATH = "/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";
  public static final String FAVICON_PATH = "/favicon.svg";
  // a webjar's path names its version: a new version is a new URL, so browsers may keep it for a year
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final byte[] CSS = read("assets/yardstick.css");
  private static final byte[] JS = read("assets/yardstick.js");
  private static final byte[] HTMX = read("META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");
  private static final byte[] ECHARTS = read("META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js");
  private static final byte[] FAVICON = read("assets/favicon.svg");
  static final String CSS_URL = CSS_PATH + "?v=" + digest(CSS);
  private static final String JS_URL = JS_PATH + "?v=" + digest(JS);

  private Assets() {}

  public static String cssUrl() {
    return CSS_URL;
  }

  public static String jsUrl() {
    return JS_URL;
  }

  public static void css(Context ctx) {
    serve(ctx, "text/css; charset=utf-8", CSS);
  }

  public static void js(Context ctx) {
    serve(ctx, "text/javascript; charset=utf-8", JS);
  }

  public static void htmx(Context ctx) {
    serve(ctx, "text/javascript; charset=utf-8", HTMX, IMMUTABLE);
  }

  public static void echarts(Context ctx) {
    serve(ctx, "text/javascript; charset=utf-8", ECHARTS, IMMUTABLE);
  }

  public static void favicon(Context ctx) {
    serve(ctx, "image/svg+xml", FAVICON);
  }

  private static void serve(Context ctx, String type, byte[] body) {
    serve(ctx, type, body, "public, max-age=86400");
  }

  private static void serve(Context ctx, String type, byte[] body, String cacheControl) {
    ctx.contentType(type).header("Cache-Control", cacheControl).result(body);
  }

  private static String digest(byte[] content) {
    return Tokens.sha256(new String(content, StandardCharsets.UTF_8)).substring(0, 12);
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
