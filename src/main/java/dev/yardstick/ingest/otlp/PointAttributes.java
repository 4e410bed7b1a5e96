package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Emails;
import dev.yardstick.model.Identity;
import dev.yardstick.model.SessionContext;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes of each point or record of one resource, merged over the resource's; the point's
 * own values win. A point whose identity, session and context attributes equal the previous
 * point's gets the previous point's {@link SessionContext} instance: the points of an export
 * nearly always share one, and the grouping then finds it without hashing it again.
 */
final class PointAttributes {
  private final ResourceView resource;
  // the current point's identity, session and context attributes in arrival order, and the previous point's
  private Taken taken = new Taken();
  private Taken previous = new Taken();
  private SessionContext previousContext;

  PointAttributes(ResourceView resource) {
    this.resource = resource;
  }

  /** Starts the next point or record. */
  void next() {
    taken.size = 0;
  }

  /** Files the attribute where it belongs and says which kind it was; the caller keeps DIMENSION ones. */
  AttributeKind take(Otlp.KeyValue kv) {
    if (kv.value() == null) {
      return AttributeKind.CONTENT;
    }
    AttributeKind kind = AttributeKind.of(kv.key());
    if (kind == AttributeKind.DIMENSION && resource.has(kv.key())) {
      kind = AttributeKind.CONTEXT;
    }
    if (kind == AttributeKind.IDENTITY || kind == AttributeKind.SESSION || kind == AttributeKind.CONTEXT) {
      taken.add(kind, kv.key(), AttributeText.of(kv.value()));
    }
    return kind;
  }

  SessionContext context() {
    if (previousContext == null || !taken.same(previous)) {
      previousContext = build();
    }
    Taken t = previous;
    previous = taken;
    taken = t;
    return previousContext;
  }

  private SessionContext build() {
    String[] identity = resource.identity.clone();
    String[] session = resource.session.clone();
    Map<String, String> context = resource.context;
    for (int i = 0; i < taken.size; i++) {
      switch (taken.kinds[i]) {
        case IDENTITY -> identity[ResourceView.identityField(taken.keys[i])] = taken.texts[i];
        case SESSION -> session[ResourceView.sessionField(taken.keys[i])] = taken.texts[i];
        default -> context = put(context, resource.context, taken.keys[i], taken.texts[i]);
      }
    }
    Identity id = new Identity(
        Emails.normalize(identity[ResourceView.EMAIL]),
        resource.headerEmail,
        blankToNull(identity[ResourceView.SERVICE_NAME]),
        blankToNull(identity[ResourceView.ACCOUNT_UUID]),
        blankToNull(identity[ResourceView.ACCOUNT_ID]),
        blankToNull(identity[ResourceView.USER_ID]),
        blankToNull(identity[ResourceView.CLAUDE_ORG_ID]));
    return new SessionContext(id, blankToNull(session[ResourceView.SESSION_ID]),
        blankToNull(session[ResourceView.TERMINAL_TYPE]), blankToNull(session[ResourceView.APP_VERSION]), context);
  }

  // copy on first write: most points add nothing to what the resource already said
  private static Map<String, String> put(Map<String, String> current, Map<String, String> shared, String key, String text) {
    if (text.equals(current.get(key))) {
      return current;
    }
    Map<String, String> copy = current == shared ? new TreeMap<>(shared) : current;
    copy.put(key, text);
    return copy;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Attributes in arrival order, compared as a sequence (usually the same string instances, from {@link AsciiStrings}). */
  private static final class Taken {
    AttributeKind[] kinds = new AttributeKind[8];
    String[] keys = new String[8];
    String[] texts = new String[8];
    int size;

    void add(AttributeKind kind, String key, String text) {
      if (size == keys.length) {
        kinds = Arrays.copyOf(kinds, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
        texts = Arrays.copyOf(texts, size * 2);
      }
      kinds[size] = kind;
      keys[size] = key;
      texts[size++] = text;
    }

    boolean same(Taken o) {
      return size == o.size && Arrays.equals(keys, 0, size, o.keys, 0, size)
          && Arrays.equals(texts, 0, size, o.texts, 0, size);
    }
  }
}
