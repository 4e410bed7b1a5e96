package dev.yardstick.config;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** Absolute directories separated by the platform's path separator, each resolved to its real path (symlinks followed). */
  List<Path> directories(String name) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (String part : raw.get().split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (part.isBlank()) {
        continue;
      }
      Path p = Path.of(part.trim());
      if (!p.isAbsolute()) {
        throw new ConfigException(name, raw.get(), part.trim() + " is not an absolute path");
      }
      try {
        p = p.toRealPath();
      } catch (IOException e) {
        throw new ConfigException(name, raw.get(), part.trim() + " does not exist");
      }
      if (!Files.isDirectory(p)) {
        throw new ConfigException(name, raw.get(), part.trim() + " is not a directory");
      }
      out.add(p);
    }
    return List.copyOf(out);
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
