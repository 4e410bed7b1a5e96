package dev.yardstick.ingest.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.ingest.anthropic.AdminApiException.Kind;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Anthropic's error answers ({"type":"error","error":{"type","message"},"request_id"}) as exceptions. */
final class AdminApiErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdminApiErrors() {}

  static AdminApiException of(int status, byte[] body, String retryAfter) {
    String type = "";
    String message = "HTTP " + status;
    String requestId = null;
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null) {
        type = root.path("error").path("type").asText("");
        message = root.path("error").path("message").asText(message);
        requestId = root.path("request_id").asText(null);
      }
    } catch (java.io.IOException notJson) {
      // proxies answer in HTML; the status is what counts
    }
    String text = message + (type.isEmpty() ? "" : " (" + type + ")") + (requestId == null ? "" : " request " + requestId);
    // unknown error types are handled by their HTTP status, as the reference says
    Kind kind = switch (status) {
      case 401 -> Kind.WRONG_KEY;
      case 403 -> Kind.NOT_ADMIN;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.SERVER : Kind.BAD_REQUEST;
    };
    AdminApiException e = new AdminApiException(kind, status, text);
    e.retryAfter(parseRetryAfter(retryAfter));
    return e;
  }

  /** Seconds or an HTTP date; null when absent or unreadable. */
  static Duration parseRetryAfter(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Duration.between(ZonedDateTime.now(at.getZone()), at).isNegative() ? Duration.ZERO
            : Duration.between(ZonedDateTime.now(at.getZone()), at);
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}
