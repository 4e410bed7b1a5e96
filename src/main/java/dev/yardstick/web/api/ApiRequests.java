package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.auth.Principal;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Request parsing shared by the JSON API handlers; problems become IllegalArgumentException (400). */
public final class ApiRequests {
  /** Where the route table's before-handler leaves the caller. */
  public static final String PRINCIPAL = "yardstick.principal";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiRequests() {}

  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("route reached without a principal: its access rule is missing");
    }
    return p;
  }

  static long org(Context ctx) {
    return principal(ctx).orgId();
  }

  static String optionalText(JsonNode body, String field, int maxLength) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    String s = v.asText().trim();
    if (s.length() > maxLength) {
      throw new IllegalArgumentException("\"" + field + "\" is longer than " + maxLength + " characters");
    }
    return s.isEmpty() ? null : s;
  }

  public static long pathId(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new dev.yardstick.model.NotFoundException("no " + name + " " + ctx.pathParam(name));
    }
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

  /**
   * The one reader of a date field of a JSON body, as YYYY-MM-DD; null when absent, null or blank.
   * {@code nullMeans} (may be null) says in the error what a null would have meant.
   */
  static LocalDate optionalDate(JsonNode body, String field, String nullMeans) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
      return null;
    }
    String text = v.isTextual() ? v.asText().trim() : v.toString();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
      throw new IllegalArgumentException("\"" + field + "\" must be a date as YYYY-MM-DD"
          + (nullMeans == null ? "" : ", or null for " + nullMeans) + " (got \"" + shown + "\")");
    }
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

  /** The optional `team` parameter (a team name: the team and its sub-teams), or null. */
  static String team(Context ctx) {
    String team = ctx.queryParam("team");
    return team == null || team.isBlank() ? null : team;
  }
}
