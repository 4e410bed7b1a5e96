package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.auth.TokenAuthenticator.ApiPrincipal;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Request parsing shared by the JSON API handlers; problems become IllegalArgumentException (400). */
public final class ApiRequests {
  public static final String PRINCIPAL = "yardstick.principal";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiRequests() {}

  /** The resource does not exist in the caller's organization (404). */
  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }

  static long org(Context ctx) {
    ApiPrincipal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("route reached without a principal: its access rule is missing");
    }
    return p.orgId();
  }

  static JsonNode body(Context ctx) {
    try {
      JsonNode node = JSON.readTree(ctx.bodyAsBytes());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the body could not be read: " + e.getMessage());
    }
  }

  static String requiredText(JsonNode body, String field, int maxLength) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" is required and must be a non-empty string");
    }
    String s = v.asText().trim();
    if (s.length() > maxLength) {
      throw new IllegalArgumentException("\"" + field + "\" is longer than " + maxLength + " characters");
    }
    return s;
  }

  static LocalDate date(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(param + " is required, as YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(param + " must be a date as YYYY-MM-DD (got \"" + v + "\")");
    }
  }
}
