package dev.yardstick.ingest.otlp;

import dev.yardstick.model.Emails;
import dev.yardstick.model.Identity;
import dev.yardstick.model.SessionContext;
import java.util.Map;
import java.util.TreeMap;

/** The attributes of one point or record merged over its resource's; the point's own values win. */
final class PointAttributes {
  private final ResourceView resource;
  private Map<String, String> identity;
  private Map<String, String> session;
  private Map<String, String> context;

  PointAttributes(ResourceView resource) {
    this.resource = resource;
    this.identity = resource.identity;
    this.session = resource.session;
    this.context = resource.context;
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
    switch (kind) {
      case IDENTITY -> identity = put(identity, resource.identity, kv);
      case SESSION -> session = put(session, resource.session, kv);
      case CONTEXT -> context = put(context, resource.context, kv);
      default -> { }
    }
    return kind;
  }

  SessionContext context() {
    Identity id = new Identity(
        Emails.normalize(identity.get("user.email")),
        resource.headerEmail,
        blankToNull(identity.get("service.name")),
        blankToNull(identity.get("user.account_uuid")),
        blankToNull(identity.get("user.account_id")),
        blankToNull(identity.get("user.id")),
        blankToNull(identity.get("organization.id")));
    return new SessionContext(id, blankToNull(session.get("session.id")), blankToNull(session.get("terminal.type")),
        blankToNull(session.get("app.version")), context);
  }

  // copy on first write: most points add nothing to what the resource already said
  private static Map<String, String> put(Map<String, String> current, Map<String, String> shared, Otlp.KeyValue kv) {
    String text = AttributeText.of(kv.value());
    if (text.equals(current.get(kv.key()))) {
      return current;
    }
    Map<String, String> copy = current == shared ? new TreeMap<>(shared) : current;
    copy.put(kv.key(), text);
    return copy;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
