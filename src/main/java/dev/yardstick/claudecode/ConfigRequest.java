package dev.yardstick.claudecode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the generators need: the backend, this server's public URL, the full ingest token, how identity is
 * carried, the developer's email (service-name only) and the backend's variables (missing ones become placeholders).
 */
public record ConfigRequest(Provider provider, URI publicUrl, String token, Identity identity, String email,
    Map<String, String> variables) {
  private static final int MAX_VALUE = 500;

  public ConfigRequest {
    if (provider == null || publicUrl == null || identity == null) {
      throw new IllegalArgumentException("provider, public URL and identity are required");
    }
    if (token == null || token.isBlank() || token.length() > 512 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)
        || token.contains(",")) {
      throw new IllegalArgumentException("\"token\" must be an ingest token tk_...:sk_...");
    }
    if (identity == Identity.SERVICE_NAME) {
      if (email == null || email.isBlank()) {
        throw new IllegalArgumentException("\"email\" is required with identity service-name");
      }
      email = email.trim();
      int at = email.indexOf('@');
      if (email.length() > 254 || at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)
          || Texts.hasControl(email) || email.contains(",") || email.contains("=")) {
        throw new IllegalArgumentException("\"email\" must be an email address (got " + Texts.quote(email) + ")");
      }
    } else {
      email = null; // only the service name carries an email; anything else must not leak into the text
    }
    Map<String, String> known = new LinkedHashMap<>();
    for (Provider.Variable v : provider.variables()) {
      String value = variables == null ? null : variables.get(v.name());
      value = value == null ? "" : value.trim();
      if (value.length() > MAX_VALUE || Texts.hasControl(value)) {
        throw new IllegalArgumentException("\"" + v.name() + "\" must be one line of at most " + MAX_VALUE + " characters");
      }
      known.put(v.name(), value);
    }
    variables = Map.copyOf(known);
  }

  /** The OTLP base URL Claude Code appends v1/metrics and v1/logs to. */
  public String endpoint() {
    String base = publicUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/otel";
  }
}
