package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Emails;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The attributes of one OTLP resource, sorted into what points and records inherit from it. */
final class ResourceView {
  // identity and session values are kept in arrays at these places: each has a fixed field, no map is needed
  static final int EMAIL = 0;
  static final int SERVICE_NAME = 1;
  static final int ACCOUNT_UUID = 2;
  static final int ACCOUNT_ID = 3;
  static final int USER_ID = 4;
  static final int CLAUDE_ORG_ID = 5;
  static final int SESSION_ID = 0;
  static final int TERMINAL_TYPE = 1;
  static final int APP_VERSION = 2;

  final String headerEmail;
  final String[] identity = new String[6];
  final String[] session = new String[3];
  final Map<String, String> context = new TreeMap<>();
  private final Set<String> keys = new HashSet<>();

  ResourceView(List<Otlp.KeyValue> attributes, String headerEmail) {
    String h = Emails.normalize(headerEmail);
    this.headerEmail = Emails.looksLikeEmail(h) ? h : null;
    for (Otlp.KeyValue kv : attributes) {
      if (kv.value() == null) {
        continue;
      }
      keys.add(kv.key());
      switch (AttributeKind.of(kv.key())) {
        case IDENTITY -> identity[identityField(kv.key())] = AttributeText.of(kv.value());
        case SESSION -> session[sessionField(kv.key())] = AttributeText.of(kv.value());
        case CONTENT -> { }
        default -> context.put(kv.key(), AttributeText.of(kv.value()));
      }
    }
  }

  /** True if the resource carried this key: since v2.1.161 custom resource keys repeat on every point. */
  boolean has(String key) {
    return keys.contains(key);
  }

  /** The place of an IDENTITY key's value. */
  static int identityField(String key) {
    return switch (key) {
      case "user.email" -> EMAIL;
      case "service.name" -> SERVICE_NAME;
      case "user.account_uuid" -> ACCOUNT_UUID;
      case "user.account_id" -> ACCOUNT_ID;
      case "user.id" -> USER_ID;
      case "organization.id" -> CLAUDE_ORG_ID;
      default -> throw new IllegalArgumentException("not an identity key: " + key);
    };
  }

  /** The place of a SESSION key's value. */
  static int sessionField(String key) {
    return switch (key) {
      case "session.id" -> SESSION_ID;
      case "terminal.type" -> TERMINAL_TYPE;
      case "app.version" -> APP_VERSION;
      default -> throw new IllegalArgumentException("not a session key: " + key);
    };
  }
}
