package dev.yardstick.model;

import java.util.Map;

/**
 * One Claude Code event (an OTLP log record) after normalization; content attributes are gone.
 *
 * @param name short event name, e.g. {@code api_request}
 * @param timeNanos event time, epoch nanoseconds
 * @param sequence the client's per-process event.sequence, or -1
 * @param attributes the remaining attributes: String, Long, Double, Boolean or List values
 */
public record Event(String name, long timeNanos, long sequence, Map<String, Object> attributes) {}
