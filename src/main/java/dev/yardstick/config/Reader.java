package dev.yardstick.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of raw setting values; every failure names its variable. */
final class Reader {
  private final Map<String, String> values;

  Reader(Map<String, String> values) {
    this.values = values;
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> new ConfigException(name, "", "must not be empty"));
  }

  int port(String name) {
    return (int) longIn(name, 0, 65535);
  }

  long longIn(String name, long min, long max) {
    String raw = required(name);
    long v;
    try {
      v = Long.parseLong(raw.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ConfigException(name, raw, "expected a whole number");
    }
    if (v < min || v > max) {
      throw new ConfigException(name, raw, "expected a number from " + min + " to " + max);
    }
    return v;
  }

  URI url(String name) {
    String raw = required(name);
    try {
      URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(name, raw, "expected an http:// or https:// URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(name, raw, "not a URL: " + e.getReason());
    }
  }

  boolean bool(String name) {
    return switch (oneOf(name, List.of("true", "false", "yes", "no", "1", "0"))) {
      case "true", "yes", "1" -> true;
      default -> false;
    };
  }

  String oneOf(String name, List<String> allowed) {
    String raw = required(name).toLowerCase();
    if (!allowed.contains(raw)) {
      throw new ConfigException(name, raw, "expected one of " + String.join(", ", allowed));
    }
    return raw;
  }
}
