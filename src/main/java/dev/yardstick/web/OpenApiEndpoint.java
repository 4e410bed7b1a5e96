package dev.yardstick.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GET /api/v1/openapi.json: the hand-kept OpenAPI 3.1 document (resource openapi.json), checked against the route table by a test. */
final class OpenApiEndpoint {
  static final String PATH = "/api/v1/openapi.json";
  static final String RESOURCE = "openapi.json";
  private static final byte[] DOCUMENT = read();

  private OpenApiEndpoint() {}

  static void serve(Context ctx) {
    ctx.contentType("application/json").result(DOCUMENT); // no max-age: after an upgrade a client must not keep the old one
  }

  private static byte[] read() {
    try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE); // a build without the document must not start
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
