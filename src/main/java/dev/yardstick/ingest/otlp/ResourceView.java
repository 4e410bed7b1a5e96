package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Emails;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The attributes of one OTLP resource, sorted into what points and records inherit from it. */
final class ResourceView {
  // identity and session values are kept in arrays, each key at its place in these lists (AttributeKind files the keys by them)
  static final List<String> IDENTITY_KEYS = List.of("user.email", "service.name", "user.account_uuid", "user.account_id",
      "user.id", "organization.id");
  static final List<String> SESSION_KEYS = List.of("session.id", "terminal.type", "app.version");
  static final int EMAIL = identityField("user.email");
  static final int SERVICE_NAME = identityField("service.name");
  static final int ACCOUNT_UUID = identityField("user.account_uuid");
  static final int ACCOUNT_ID = identityField("user.account_id");
  static final int USER_ID = identityField("user.id");
  static final int CLAUDE_ORG_ID = identityField("organization.id");
  static final int SESSION_ID = sessionField("session.id");
  static final int TERMINAL_TYPE = sessionField("terminal.type");
  static final int APP_VERSION = sessionField("app.version");

  final String headerEmail;
  final String[] identity = new String[IDENTITY_KEYS.size()];
  final String[] session = new String[SESSION_KEYS.size()];
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
    return place(IDENTITY_KEYS, key);
  }

  /** The place of a SESSION key's value. */
  static int sessionField(String key) {
    return place(SESSION_KEYS, key);
  }

  private static int place(List<String> keys, String key) {
    int i = keys.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("not one of " + keys + ": " + key);
    }
    return i;
  }
}
