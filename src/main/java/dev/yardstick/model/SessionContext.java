package dev.yardstick.model;

import java.util.Map;

/**
 * What all points and events of one session in one export share.
 *
 * @param resourceAttributes custom resource attributes (OTEL_RESOURCE_ATTRIBUTES keys and the like),
 *     without the standard ones that have fields here
 */
public record SessionContext(
    Identity identity,
    String sessionId,
    String terminalType,
    String appVersion,
    Map<String, String> resourceAttributes) {
  /**
   * The client's version: app.version is sent only with OTEL_METRICS_INCLUDE_VERSION=true, while the
   * resource's service.version always carries it (seen with the real 2.1.197 client).
   */
  public String clientVersion() {
    return appVersion != null ? appVersion : resourceAttributes == null ? null : resourceAttributes.get("service.version");
  }
}
