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
    Map<String, String> resourceAttributes) {}
