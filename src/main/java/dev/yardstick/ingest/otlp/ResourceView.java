package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Emails;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The attributes of one OTLP resource, sorted into what points and records inherit from it. */
final class ResourceView {
  final String headerEmail;
  final Map<String, String> identity = new TreeMap<>();
  final Map<String, String> session = new TreeMap<>();
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
        case IDENTITY -> identity.put(kv.key(), AttributeText.of(kv.value()));
        case SESSION -> session.put(kv.key(), AttributeText.of(kv.value()));
        case CONTENT -> { }
        default -> context.put(kv.key(), AttributeText.of(kv.value()));
      }
    }
  }

  /** True if the resource carried this key: since v2.1.161 custom resource keys repeat on every point. */
  boolean has(String key) {
    return keys.contains(key);
  }
}
