package dev.yardstick.web;

import io.javalin.http.Context;

/**
 * Headers on every answer of the pages, API and health routes. The pages hold no inline script or
 * style and load nothing from elsewhere, so the policy allows only this site's style sheet, scripts (htmx and one file of ours), its
 * own URLs for htmx's requests, images, forms posted here, and no framing (clickjacking).
 */
final class SecurityHeaders {
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    // same-origin keeps invitation links out of other sites' logs and the Origin of our own forms intact
    ctx.header("Referrer-Policy", "same-origin");
  }
}
