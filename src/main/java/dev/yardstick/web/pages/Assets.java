package dev.yardstick.web.pages;

import dev.yardstick.auth.Tokens;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pages' style sheet, served as a file so that the Content-Security-Policy needs no
 * 'unsafe-inline'. Its URL carries a digest of its content, so a browser may keep it for a day and
 * still gets a changed sheet at once.
 */
public final class Assets {
  public static final String CSS_PATH = "/assets/yardstick.css";
  private static final byte[] CSS = read("assets/yardstick.css");
  static final String CSS_URL = CSS_PATH + "?v=" + Tokens.sha256(new String(CSS, java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);

  private Assets() {}

  public static void css(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "public, max-age=86400").result(CSS);
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
