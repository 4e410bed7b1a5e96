package dev.yardstick.claudecode;

import java.util.Locale;

/** How a developer's data is tied to their email when the client itself does not send one. */
public enum Identity {
  /** Nothing added: fine for claude.ai sign-ins, which carry user.email themselves. */
  NONE("none"),
  /** otelHeadersHelper prints the git email as X-Yardstick-User-Email with every export, the first included. */
  HEADERS_HELPER("headers-helper"),
  /** OTEL_SERVICE_NAME = the developer's email, set per developer (never in managed settings). */
  SERVICE_NAME("service-name");

  private final String key;

  Identity(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Identity parse(String value) {
    String v = value == null || value.isBlank() ? "none" : value.trim().toLowerCase(Locale.ROOT);
    for (Identity i : values()) {
      if (i.key.equals(v)) {
        return i;
      }
    }
    throw new IllegalArgumentException("\"identity\" must be one of none, headers-helper, service-name (got "
        + Texts.quote(value) + ")");
  }
}
